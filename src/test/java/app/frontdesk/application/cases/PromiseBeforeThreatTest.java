package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.application.dunning.Reason;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, item 3: the deadline we give someone who wrote comes before any action the account faces.
 * While their case is open the gate holds the account's notices (OPEN_CASE); once it is resolved, a
 * notice still waits until the answer we promised is due (ANSWER_PROMISED), read from the database.
 */
class PromiseBeforeThreatTest {

    private static final ZoneId MSK = ZoneId.of("Europe/Moscow");

    private static void at(GatewayFixture gw, String mskLocal) {
        gw.clock.set(LocalDateTime.parse(mskLocal).atZone(MSK).toInstant());
    }

    private static NoticeDesk.Answer notice(GatewayFixture gw, long account, NoticeKind kind) {
        return gw.services.notices.submit(new NoticeDesk.Submission(new NoticeRequest(account, kind, List.of("INV-2026-0042"),
                Money.of("1500.00", "RUB"), null), List.of("anna.petrova@romashka.example"), "Оплата", "Счёт INV-2026-0042 не оплачен.", null, null));
    }

    private static NoticeState state(GatewayFixture gw, long notice) {
        return gw.db.inTransaction(r -> r.billing().notice(notice).orElseThrow().state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void noNoticeOvertakesTheAnswerWePromised(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long account = InsiderReplyTest.romashka(gw);
            at(gw, "2026-11-27T16:00"); // Friday: someone of theirs writes; we promise an answer by Monday 11:00
            gw.intake.accept(TestMail.from("Алексей Волков <ceo@romashka.example>").subject("Вопрос").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Добрый день, у меня вопрос.").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            SupportCase c = gw.db.inTransaction(r -> r.cases().openCaseOf("ceo@romashka.example").orElseThrow());
            assertEquals(LocalDateTime.parse("2026-11-30T11:00"), c.dueAt().atZone(MSK).toLocalDateTime());

            at(gw, "2026-11-30T09:30"); // Monday: the case is open, so a notice waits for the manager
            NoticeDesk.Answer first = notice(gw, account, NoticeKind.SUSPENSION);
            assertEquals(NoticeState.HELD, first.state());
            assertEquals(List.of("OPEN_CASE"), first.decision().reasons().stream().map(Reason::code).toList());

            at(gw, "2026-11-30T10:00"); // the colleague confirms the address: resolved, but our answer is promised for 11:00
            gw.services.caseActions.resolve(c.id(), "admin-api: olga", "Anna confirmed", account).orElseThrow();
            NoticeDesk.Answer reminder = notice(gw, account, NoticeKind.REMINDER);
            assertEquals(NoticeState.HELD, reminder.state());
            assertEquals(List.of("ANSWER_PROMISED"), reminder.decision().reasons().stream().map(Reason::code).toList());
            assertEquals(c.dueAt(), reminder.decision().holdUntil());
            assertTrue(reminder.decision().reasons().get(0).message().contains(c.reference()), reminder.decision().reasons().toString());
            String seen = gw.db.inTransaction(r -> r.billing().decisions(reminder.noticeId()).get(0).dataSeen());
            assertTrue(seen.contains("\"promisedAnswers\":{\"" + c.reference() + "\":\"" + c.dueAt() + "\"}"), "the decision keeps what it saw: " + seen);

            at(gw, "2026-11-30T10:59");
            gw.services.housekeepingDue();
            assertEquals(NoticeState.HELD, state(gw, reminder.noticeId()));
            at(gw, "2026-11-30T11:00"); // our answer is due: the notice may go now
            gw.services.housekeepingDue();
            assertEquals(NoticeState.QUEUED, state(gw, reminder.noticeId()));
        }
    }
}
