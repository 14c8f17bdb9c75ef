/** The ways in: the HTTP API for the mail server and administrators, health and metrics. */
package app.frontdesk.interfaces;
