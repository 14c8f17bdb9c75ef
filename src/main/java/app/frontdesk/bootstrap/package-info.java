/** Start-up and wiring: reads the settings, migrates the database, loads demo data and starts the workers. */
package app.frontdesk.bootstrap;
