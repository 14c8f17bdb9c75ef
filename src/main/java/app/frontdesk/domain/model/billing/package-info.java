/** Billing as Frontdesk sees it: invoices, payments, payment orders customers sent, and the notices billing wants to send. */
package app.frontdesk.domain.model.billing;
