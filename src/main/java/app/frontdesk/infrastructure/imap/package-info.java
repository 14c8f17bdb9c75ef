/** IMAP intake's adapter (Angus Mail): connections, IDLE or polling, reconnects with backoff, and each mailbox's state for health. */
package app.frontdesk.infrastructure.imap;
