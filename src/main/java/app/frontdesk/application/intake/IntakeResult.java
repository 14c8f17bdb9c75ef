package app.frontdesk.application.intake;

/** The answer of intake: the stored message's id, and whether it was new or a copy we already had. */
public record IntakeResult(long id, boolean duplicate) {

    public String status() {
        return duplicate ? "duplicate" : "accepted";
    }
}
