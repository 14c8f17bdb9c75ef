/** Composing the mails Frontdesk sends and dispatching the outbox through a mail transport, with retries. */
package app.frontdesk.application.outbox;
