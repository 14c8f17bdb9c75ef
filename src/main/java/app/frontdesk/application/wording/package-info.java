/** Wording rules for texts customers read: no blaming, philosophising or excuses, a real reason with every refusal, a next step, a deadline, a person; in recovery texts an apology, a question and something beyond the fix. */
package app.frontdesk.application.wording;
