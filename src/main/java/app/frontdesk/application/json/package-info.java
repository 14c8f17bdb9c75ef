/** JSON written and read in one place: the shared factories and the fast writer for decision records. */
package app.frontdesk.application.json;
