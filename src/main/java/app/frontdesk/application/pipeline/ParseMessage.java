package app.frontdesk.application.pipeline;

import app.frontdesk.application.mail.MailParser;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.UnparseableMailException;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/**
 * Parses the stored bytes. What cannot be read at all is quarantined with the parser's reason and the
 * administrator is alerted, in the same transaction; the bytes stay stored as received.
 */
public final class ParseMessage implements Mailet {

    private final MailParser parser;
    private final AdminAlert alert;

    public ParseMessage(MailParser parser, AdminAlert alert) {
        this.parser = parser;
        this.alert = alert;
    }

    @Override
    public void service(MailContext mail, String because) {
        try {
            ParsedMail parsed = parser.parse(mail.raw());
            mail.parsed(parsed);
            String from = parsed.from().isEmpty() ? parsed.header("From").orElse(null) : parsed.from().get(0).address();
            mail.message().describe(from, parsed.subject());
        } catch (UnparseableMailException e) {
            quarantine(mail, e.getMessage(), alert);
        }
    }

    /** The error route shared by every step that gives up on a message: keep it, say why, tell a person. */
    static void quarantine(MailContext mail, String reason, AdminAlert alert) {
        mail.decide(Route.QUARANTINE, InboundState.QUARANTINED, null, reason);
        mail.repositories().outbox().add(alert.quarantined(mail.repositories(), mail.message(), reason, mail.now()));
        mail.repositories().audit().record(new AuditEvent(mail.now(), "pipeline", "quarantined",
                "inbound", mail.message().id(), reason));
    }
}
