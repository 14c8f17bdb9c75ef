/** Tasks: every call or answer promised to a customer is tracked with its due time and owner, shown to managers, and escalated to the support lead when overdue. */
package app.frontdesk.application.tasks;
