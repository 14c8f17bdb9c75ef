/** Which account does a stranger's message belong to? Clues from the message, looked up and ranked with their evidence. */
package app.frontdesk.application.evidence;
