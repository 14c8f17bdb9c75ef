/** The launcher of the packaged gateway: checks the HTTP port, then starts Payara Micro. */
package app.frontdesk.launch;
