/** Application services: what Frontdesk does with the domain (intake, pipeline, outbox, accounts), free of HTTP and JPA. */
package app.frontdesk.application;
