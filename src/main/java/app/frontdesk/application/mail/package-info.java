/** A stored message as the pipeline reads it: the parsed view, the parser port and its refusal. */
package app.frontdesk.application.mail;
