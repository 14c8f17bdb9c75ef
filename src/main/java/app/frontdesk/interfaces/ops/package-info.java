/** Operations: MicroProfile Health checks and the metrics counters. */
package app.frontdesk.interfaces.ops;
