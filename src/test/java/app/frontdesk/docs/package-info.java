/** Tests that keep the docs true: the pipeline table, README size, links, decision records. */
package app.frontdesk.docs;
