package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Frontdesk instances whose addresses write to each other (two companies' support desks, or a
 * misconfigured forward): each may answer the other's first mail once, and then both stop. Mail
 * travels between them as a mail server would carry it, with its verification results added.
 */
class TwoGatewaysLoopTest {

    private static GatewayFixture gateway(String domain) {
        return new GatewayFixture(TestDatabases.h2(), Map.of(
                "FRONTDESK_FROM_ADDRESS", "frontdesk@" + domain,
                "FRONTDESK_HELPDESK_ADDRESS", "helpdesk@" + domain,
                "FRONTDESK_ADMIN_ADDRESS", "admin@" + domain));
    }

    /** Carries every mail that {@code from} has queued for {@code domain} into {@code to}, as its mail server would. */
    private static int carry(GatewayFixture from, GatewayFixture to, String domain, String fromDomain) throws Exception {
        List<OutboundMail> due = from.db.inTransaction(r -> {
            List<OutboundMail> mails = r.outbox().claimDue(from.clock.instant().plusSeconds(86400), 1000);
            mails.forEach(m -> m.sent(from.clock.instant()));
            return mails;
        });
        int carried = 0;
        for (OutboundMail m : due) {
            if (m.recipients().stream().noneMatch(r -> r.endsWith("@" + domain))) {
                continue;
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            raw.writeBytes(("Authentication-Results: " + GatewayFixture.AUTHSERV_ID + "; dkim=pass header.d=" + fromDomain
                    + "; dmarc=pass header.from=" + fromDomain + "\r\n").getBytes(StandardCharsets.US_ASCII));
            raw.writeBytes(from.asSent(m));
            to.intake.accept(raw.toByteArray(), new Envelope(m.envelopeFrom() == null ? "" : m.envelopeFrom(), m.recipients().get(0)));
            carried++;
        }
        return carried;
    }

    @Test
    void twoGatewaysWritingToEachOtherExchangeAtMostOneAutomaticMailEach() throws Exception {
        try (GatewayFixture a = gateway("a.test"); GatewayFixture b = gateway("b.test")) {
            // Someone made each gateway's address write to the other, looking like a person's mail.
            a.intake.accept(TestMail.from("frontdesk@b.test").subject("Hello").body("Please call us back.").bytes(), Envelope.UNKNOWN);
            b.intake.accept(TestMail.from("frontdesk@a.test").subject("Hello").body("Please call us back.").bytes(), Envelope.UNKNOWN);
            int aToB = 0;
            int bToA = 0;
            for (int round = 0; round < 10; round++) {
                a.processAll();
                b.processAll();
                int ab = carry(a, b, "b.test", "a.test");
                int ba = carry(b, a, "a.test", "b.test");
                aToB += ab;
                bToA += ba;
                if (ab + ba == 0 && round > 0) {
                    break;
                }
            }
            assertTrue(aToB <= 1, "A wrote to B " + aToB + " times");
            assertTrue(bToA <= 1, "B wrote to A " + bToA + " times");
            assertEquals(1, aToB, "the first mail gets its one explanation");
            assertEquals(1, bToA);
            long automaticAtA = a.db.inTransaction(r -> r.inbound().countInState(app.frontdesk.domain.model.inbound.InboundState.ROUTED));
            assertEquals(1, automaticAtA, "B's reply reached A and was recorded as automatic, not answered");
        }
    }
}
