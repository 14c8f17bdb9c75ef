/** The account aggregate: a customer, its mail domains, its authorized contacts and its personal manager. */
package app.frontdesk.domain.model.account;
