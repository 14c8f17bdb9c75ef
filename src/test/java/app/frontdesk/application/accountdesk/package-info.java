/** The console's account desk on H2 and PostgreSQL: who sees and changes which account, and what each action records. */
package app.frontdesk.application.accountdesk;
