/** The outbox: every mail Frontdesk sends, recorded with the decision that causes it and sent later. */
package app.frontdesk.domain.model.outbox;
