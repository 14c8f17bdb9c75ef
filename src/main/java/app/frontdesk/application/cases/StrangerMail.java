package app.frontdesk.application.cases;

import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.time.Instant;
import java.util.List;

/**
 * A message from a sender we cannot act for, as far as the pipeline read it: what the unknown-sender
 * desk decides from.
 *
 * @param contactAccounts the accounts whose authorized contact the From address is (mail in their name that failed verification)
 * @param candidates      the accounts the evidence points to, ranked (empty before the account was looked for)
 */
public record StrangerMail(InboundMessage message, byte[] raw, ParsedMail parsed, EmailAddress sender, Verification verification,
                           List<Long> contactAccounts, Candidates candidates, Instant now) {
}
