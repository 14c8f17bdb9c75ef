/** The inbound pipeline: an ordered list of named steps (a matcher and a mailet each) that routes every stored message. */
package app.frontdesk.application.pipeline;
