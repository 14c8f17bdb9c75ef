/** MIME parsing with Apache mime4j: lenient, charset-aware, and never touching the stored bytes. */
package app.frontdesk.infrastructure.mime;
