/** Intake: a message from the mail server is made durable (and deduplicated) before anything else happens. */
package app.frontdesk.application.intake;
