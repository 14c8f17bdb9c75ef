/** Business days and hours: the only way dates that matter to customers are counted. */
package app.frontdesk.domain.model.calendar;
