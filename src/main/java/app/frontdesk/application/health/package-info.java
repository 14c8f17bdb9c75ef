/** Whether the gateway would decide the mail it accepts: the readiness report that operations and load balancers read. */
package app.frontdesk.application.health;
