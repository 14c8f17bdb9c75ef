package app.frontdesk.application.cases;

import app.frontdesk.application.wording.Finding;
import java.util.List;

/**
 * A person's reply to a sender that the wording rules refused (blame, a refusal without a next step...): nothing was
 * sent and nothing changed, and the findings say what to write instead, so the person can fix the text and try again.
 */
public final class ReplyRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Finding> findings;

    public ReplyRefused(List<Finding> findings) {
        super("the reply does not read right; nothing was sent: "
                + String.join(", ", findings.stream().map(Finding::rule).distinct().toList()));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
