package app.frontdesk.domain.model.billing;

/** What the gate answers: send it; not now (and until when); never (and why). */
public enum Verdict {
    SEND, HOLD, BLOCK
}
