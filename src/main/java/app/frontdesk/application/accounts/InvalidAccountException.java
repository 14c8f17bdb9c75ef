package app.frontdesk.application.accounts;

import app.frontdesk.application.ImportProblem;
import java.util.List;

/** The input was refused; nothing was stored. Carries every problem found, not only the first. */
public class InvalidAccountException extends Exception {

    private final List<ImportProblem> problems;

    public InvalidAccountException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s): " + problems.get(0).problem());
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
