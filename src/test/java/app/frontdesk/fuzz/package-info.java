/** Coverage-guided fuzzing of the parsers that read what strangers send (Jazzer). */
package app.frontdesk.fuzz;
