/** The Frontdesk domain: accounts and their contacts, the mail we receive and the mail we send. */
package app.frontdesk.domain;
