/** Tests of the database layer itself: what the embedded H2 file keeps and how rows are claimed. */
package app.frontdesk.infrastructure.persistence;
