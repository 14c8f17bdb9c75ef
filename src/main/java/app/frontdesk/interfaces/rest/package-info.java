/** The HTTP API (JAX-RS): inbound mail from the mail server, inbound status, account administration. */
package app.frontdesk.interfaces.rest;
