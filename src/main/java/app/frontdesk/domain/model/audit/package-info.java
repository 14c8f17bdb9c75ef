/** The audit log: who did what to which subject, and when. */
package app.frontdesk.domain.model.audit;
