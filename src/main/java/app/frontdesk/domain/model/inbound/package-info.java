/** The inbound message aggregate: one mail as the mail server handed it to us, and what became of it. */
package app.frontdesk.domain.model.inbound;
