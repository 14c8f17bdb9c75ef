/** Reading the audit log for the people allowed to: who did what, when. */
package app.frontdesk.application.audit;
