/** Several gateways over one database: which instance leads the once-only jobs, and whether this one still takes mail. */
package app.frontdesk.application.instances;
