package app.frontdesk.application;

import java.util.List;

/** A payment file with bad lines: every problem with its line; nothing was imported. */
public final class ImportRefused extends Exception {

    private final List<ImportProblem> problems;

    public ImportRefused(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), first: line " + problems.get(0).line() + ": " + problems.get(0).problem());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
