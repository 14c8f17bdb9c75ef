/** Unknown-sender cases: what we tell the sender, the authorized contact and the manager, the one-click links, and what happens when they are used. */
package app.frontdesk.application.cases;
