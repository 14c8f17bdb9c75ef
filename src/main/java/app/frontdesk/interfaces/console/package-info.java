/** The staff console: sign-in (Jakarta Security), server-rendered pages with htmx, CSRF and row-level access. */
package app.frontdesk.interfaces.console;
