/** The dunning gate, notices and notice files: billing asks before a notice goes out, and the answer (SEND, HOLD, BLOCK) comes from payments, evidence, the calendar and open cases. */
package app.frontdesk.application.dunning;
