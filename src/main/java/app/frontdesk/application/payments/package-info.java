/** Payments in: bank-file imports (CSV, 1C, camt.053/054), payment orders sent by mail, matching and allocation to invoices. */
package app.frontdesk.application.payments;
