/** End-to-end tests: the packaged gateway as a child process, GreenMail as the SMTP server, the packaged pipe client. */
package app.frontdesk.e2e;
