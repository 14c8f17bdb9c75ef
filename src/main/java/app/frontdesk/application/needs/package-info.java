/** "Needs me": everything that waits for one signed-in person, read in one transaction. */
package app.frontdesk.application.needs;
