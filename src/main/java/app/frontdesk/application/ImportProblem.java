package app.frontdesk.application;

/** What is wrong with one line (CSV) or one record (JSON, numbered from 1) of an import. */
public record ImportProblem(int line, String problem) {
}
