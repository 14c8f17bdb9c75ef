package app.frontdesk.domain.model.billing;

/** How hard a notice presses: a reminder, a final demand, or the announcement of a suspension. */
public enum NoticeKind {
    REMINDER, FINAL, SUSPENSION;

    /** Final and suspension notices must reach a customer when someone can answer them. */
    public boolean needsBusinessTime() {
        return this != REMINDER;
    }
}
