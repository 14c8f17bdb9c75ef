/** Tests of the console's pages, filters and helpers outside a container; the browser test is e2e.ConsoleBrowserIT. */
package app.frontdesk.interfaces.console;
