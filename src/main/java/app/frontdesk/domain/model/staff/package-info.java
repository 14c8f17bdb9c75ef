/** The staff aggregate: the people who sign in to the console, their roles, and what they may see. */
package app.frontdesk.domain.model.staff;
