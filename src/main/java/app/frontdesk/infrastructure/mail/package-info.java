/** Mail transports for the outbox: SMTP through jakarta.mail, or .eml files when no SMTP server is configured. */
package app.frontdesk.infrastructure.mail;
