/** Tasks: a call or an answer we promised a customer, with its due time and the person who owes it. The task is the aggregate root. */
package app.frontdesk.domain.model.task;
