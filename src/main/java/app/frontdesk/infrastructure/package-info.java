/** Adapters to the outside: the database, mail transport, MIME parsing and configuration. */
package app.frontdesk.infrastructure;
