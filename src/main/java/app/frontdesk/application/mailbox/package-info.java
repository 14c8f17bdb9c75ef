/** Mail read out of remote mailboxes (IMAP): which messages are ours to take, stored through intake first, then moved away. */
package app.frontdesk.application.mailbox;
