/** What customers are told when something changes for them: a payment order received, an address authorized, a notice stopped because they paid. */
package app.frontdesk.application.news;
