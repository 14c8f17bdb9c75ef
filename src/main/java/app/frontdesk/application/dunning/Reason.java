package app.frontdesk.application.dunning;

/** Why the gate answered as it did: a code for machines and a sentence a billing clerk understands. */
public record Reason(String code, String message) {
}
