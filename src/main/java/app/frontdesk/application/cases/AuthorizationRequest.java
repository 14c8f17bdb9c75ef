package app.frontdesk.application.cases;

import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.util.List;

/**
 * What an authorized contact is asked: who wrote, what, why we think it concerns them, and the two
 * links; {@code redFlag}: the account is red-flagged, so the text acknowledges its history (null: it is not).
 */
public record AuthorizationRequest(SupportCase supportCase, Account account, Contact contact, InboundMessage message,
                                   String subject, String text, List<Evidence> evidence,
                                   String authorizeUrl, String rejectUrl, RedFlag redFlag, Instant now) {
}
