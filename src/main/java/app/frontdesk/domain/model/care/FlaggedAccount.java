package app.frontdesk.domain.model.care;

import java.time.Instant;

/** A red-flagged account as a list of them shows it: since when, and whether the head of support heard of it. */
public record FlaggedAccount(long accountId, String accountName, Instant raisedAt, boolean headAlerted) {
}
