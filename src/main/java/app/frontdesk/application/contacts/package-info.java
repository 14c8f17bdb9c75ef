/** Who at a customer a text is written to (their name, language and address) and whom it names to turn to: one model for every customer mail. */
package app.frontdesk.application.contacts;
