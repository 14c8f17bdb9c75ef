/** Care: what went wrong for a customer, and the red flag that asks people to take special care of them. */
package app.frontdesk.domain.model.care;
