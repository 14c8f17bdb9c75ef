/** Is the From domain really the sender's? Authentication-Results from our own mail server decide, nothing else. */
package app.frontdesk.application.verification;
