package app.frontdesk.application.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.outbox.OutboxState;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.Mails;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Unknown senders through the real pipeline, templates and database: the story of the CEO who
 * replies to a notice from his own address, and every rule around it.
 */
class UnknownSenderFlowTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String NOTICE_ID = "<notice-2026-11-21.frontdesk@frontdesk.test>";

    /** Romashka with its registered contact and manager, and the suspension notice we sent it on Saturday. */
    private static long romashka(GatewayFixture gw) throws Exception {
        long id = gw.accounts.create(new AccountDraft("ООО «Ромашка»", List.of("romashka.example"),
                List.of(new AccountDraft.ContactDraft("anna.petrova@romashka.example", "Анна Петрова", "ru")),
                new AccountDraft.ManagerDraft("Ольга Смирнова", "olga.smirnova@frontdesk.test"),
                List.of(new AccountDraft.ReferenceDraft("INVOICE", "INV-2026-0042"))), "test");
        gw.db.inTransaction(r -> {
            r.outbox().add(new OutboundMail(MailKind.HELPDESK_FORWARD, NOTICE_ID, null, List.of("anna.petrova@romashka.example"),
                    "Subject: notice\r\n\r\nsuspension".getBytes(StandardCharsets.US_ASCII), null, gw.clock.instant()).about(id, null));
            return null;
        });
        return id;
    }

    /** The CEO's reply to the notice, from his own domain (verified), in Russian. */
    private static TestMail ceoReply() {
        return TestMail.from("Иван Петров <ivan@petrov-family.example>")
                .subject("Re: Уведомление о приостановке обслуживания").rawHeaderCharset(StandardCharsets.UTF_8)
                .header("In-Reply-To", NOTICE_ID).header("References", NOTICE_ID)
                .body("Добрый день!\r\nМы оплатили счёт INV-2026-0042 в пятницу, платёжка у бухгалтера.\r\n"
                        + "Почему нам грозит приостановка?\r\n\r\nИван Петров, генеральный директор\r\n\r\n> Уведомление...\r\n");
    }

    private static List<OutboundMail> sent(GatewayFixture gw, MailKind kind) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plusSeconds(3600 * 24 * 30), 1000)).stream()
                .filter(m -> m.kind() == kind).toList();
    }

    private static List<OutboundMail> pending(GatewayFixture gw) {
        return gw.db.inTransaction(r -> r.outbox().claimDue(gw.clock.instant().plusSeconds(3600 * 24 * 30), 1000)).stream()
                .filter(m -> m.kind() != MailKind.HELPDESK_FORWARD || !m.messageId().equals(NOTICE_ID)).toList();
    }

    private static InboundMessage message(GatewayFixture gw, long id) {
        return gw.db.inTransaction(r -> r.inbound().find(id).orElseThrow());
    }

    private static SupportCase theCase(GatewayFixture gw, long caseId) {
        return gw.db.inTransaction(r -> {
            SupportCase c = r.cases().find(caseId).orElseThrow();
            c.timeline().size(); // load it inside the transaction
            return c;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void theCeoWhoRepliesToANoticeGetsAnExplanationAndOneClickMakesHimKnown(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            long account = romashka(gw);
            long id = gw.intake.accept(ceoReply().bytes(), new Envelope("ivan@petrov-family.example", "support@frontdesk.test")).id();
            assertEquals(1, gw.processor.processDue(), "one processing cycle");

            InboundMessage held = message(gw, id);
            assertEquals(InboundState.HELD, held.state());
            assertEquals(Route.UNKNOWN_SENDER, held.route());
            assertEquals(account, held.accountId());
            SupportCase c = theCase(gw, held.caseId());
            assertEquals(CaseState.AWAITING_AUTHORIZATION, c.state());
            assertEquals(account, c.accountId().orElseThrow());
            assertTrue(c.evidence().contains("reply-to-our-mail") && c.evidence().contains("invoice"), c.evidence());

            // 1. The explanation, to him, in Russian, by RFC 3834, with no account data
            List<OutboundMail> replies = sent(gw, MailKind.SENDER_REPLY);
            assertEquals(1, replies.size());
            OutboundMail reply = replies.get(0);
            assertEquals(List.of("ivan@petrov-family.example"), reply.recipients());
            assertNull(reply.envelopeFrom(), "null reverse-path");
            byte[] r = reply.raw();
            assertEquals("auto-replied", Mails.header(r, "Auto-Submitted"));
            assertEquals("All", Mails.header(r, "X-Auto-Response-Suppress"));
            assertTrue(Mails.header(r, "In-Reply-To").contains("@test>"), "answers his message");
            assertEquals(Mails.header(r, "In-Reply-To"), Mails.header(r, "References"));
            String text = Mails.text(r);
            assertTrue(Mails.subject(r).startsWith("Мы получили ваше письмо (" + c.reference() + ")"), Mails.subject(r));
            assertTrue(text.contains("не входит в список уполномоченных контактов"), text);
            assertTrue(text.contains("подтвердить ваш"), "what he can do");
            assertTrue(text.contains("Мы ответим вам не позднее"), "when");
            assertTrue(text.contains("+7 495 123-45-67"), "a person to call");
            for (String secret : List.of("Ромашка", "INV-2026-0042", "Анна", "Ольга", "anna.petrova", "olga.smirnova", "Почему нам грозит")) {
                assertFalse(text.contains(secret) || Mails.html(r).contains(secret), "the reply leaks " + secret);
            }
            assertEquals(List.of("text/plain", "text/html"), Mails.partTypes(r), "no attachment, no quote of the original");

            // 2. The registered contact is asked, with signed links
            List<OutboundMail> requests = sent(gw, MailKind.AUTHORIZATION_REQUEST);
            assertEquals(1, requests.size());
            assertEquals(List.of("anna.petrova@romashka.example"), requests.get(0).recipients());
            String ask = Mails.text(requests.get(0).raw());
            assertTrue(ask.contains("Иван Петров <ivan@petrov-family.example>"), ask);
            assertTrue(ask.contains("Мы оплатили счёт INV-2026-0042"), "the first lines");
            assertFalse(ask.contains("Уведомление..."), "not the quoted part");
            assertTrue(ask.contains("ответ на наше письмо"), "what tied it to the account");
            List<String> tokens = Mails.linkTokens(ask);
            assertEquals(2, tokens.size(), ask);

            // 3. The manager gets everything needed to act, with the original attached
            List<OutboundMail> alerts = sent(gw, MailKind.MANAGER_ALERT);
            assertEquals(1, alerts.size());
            assertEquals(List.of("olga.smirnova@frontdesk.test"), alerts.get(0).recipients());
            String alert = Mails.text(alerts.get(0).raw());
            assertTrue(alert.contains("explanation to ivan@petrov-family.example"), alert);
            assertTrue(alert.contains("authorization request to anna.petrova@romashka.example"), alert);
            assertTrue(alert.contains("The sender was promised an answer by"), alert);
            assertTrue(Mails.partTypes(alerts.get(0).raw()).contains("message/rfc822"), "original attached");
            assertEquals(3, pending(gw).size(), "nothing else was sent");

            // Opening the link only shows the page; pressing the button authorizes, once
            String authorize = tokens.get(0);
            String page = gw.services.caseActions.open(authorize, RU);
            assertTrue(page.contains("<form method=\"post\""), page);
            assertEquals(List.of(), gw.db.inTransaction(r2 -> r2.accounts().accountsWithContact(
                    app.frontdesk.domain.model.account.EmailAddress.of("ivan@petrov-family.example"))), "GET changed nothing");
            String done = gw.services.caseActions.press(authorize, RU);
            assertTrue(done.contains("теперь уполномоченный контакт"), done);

            InboundMessage released = message(gw, id);
            assertEquals(InboundState.ROUTED, released.state());
            assertEquals(Route.HELPDESK, released.route());
            List<OutboundMail> forwards = sent(gw, MailKind.HELPDESK_FORWARD).stream().filter(m -> !m.messageId().equals(NOTICE_ID)).toList();
            assertEquals(1, forwards.size());
            assertEquals(List.of("helpdesk@frontdesk.test"), forwards.get(0).recipients());
            assertEquals(CaseState.RESOLVED, theCase(gw, held.caseId()).state());

            // Nobody is left wondering (issue 14, item 2): he learns his mail reached support, she is thanked
            List<OutboundMail> told = sent(gw, MailKind.SENDER_AUTHORIZED);
            assertEquals(1, told.size());
            assertEquals(List.of("ivan@petrov-family.example"), told.get(0).recipients());
            String toHim = Mails.text(told.get(0).raw());
            assertTrue(Mails.subject(told.get(0).raw()).startsWith("Ваш адрес подтверждён, письмо передано в поддержку (" + c.reference()), toHim);
            assertTrue(toHim.startsWith("Здравствуйте, Иван Петров!"), toHim);
            assertTrue(toHim.contains("Ваш адрес ivan@petrov-family.example подтверждён: это сделал уполномоченный контакт вашей компании"
                    + " (Анна Петрова)."), toHim);
            assertTrue(toHim.contains("Мы передали в службу поддержки ваше письмо «Уведомление о приостановке обслуживания»"), toHim);
            assertTrue(toHim.contains("Мы ответим вам по существу не позднее") && toHim.contains("Ваш персональный менеджер: Ольга Смирнова"), toHim);
            List<OutboundMail> thanks = sent(gw, MailKind.AUTHORIZER_THANKED);
            assertEquals(1, thanks.size());
            assertEquals(List.of("anna.petrova@romashka.example"), thanks.get(0).recipients());
            String toHer = Mails.text(thanks.get(0).raw());
            assertTrue(toHer.startsWith("Здравствуйте, Анна Петрова!"), toHer);
            assertTrue(toHer.contains("Спасибо, что подтвердили адрес ivan@petrov-family.example (Иван Петров)."), toHer);
            assertTrue(toHer.contains("Если вы подтвердили адрес по ошибке"), toHer);

            // The link again, and the other link: nothing happens
            int before = pending(gw).size();
            assertTrue(gw.services.caseActions.press(authorize, RU).contains("уже использована"));
            assertTrue(gw.services.caseActions.press(tokens.get(1), RU).contains("уже использована"));
            assertEquals(before, pending(gw).size());

            // His next message is routed as a known contact's
            long next = gw.intake.accept(TestMail.from("ivan@petrov-family.example").subject("Thanks").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            assertEquals(Route.HELPDESK, message(gw, next).route());
            assertEquals(account, message(gw, next).accountId());
        }
    }

    @Test
    void whenTheManagerAuthorizesTheSenderIsToldAndNobodyIsThanked() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            gw.intake.accept(ceoReply().bytes(), Envelope.UNKNOWN);
            gw.processAll();
            String managersLink = Mails.linkTokens(Mails.text(sent(gw, MailKind.MANAGER_ALERT).get(0).raw())).get(0);
            gw.services.caseActions.press(managersLink, RU);
            List<OutboundMail> told = sent(gw, MailKind.SENDER_AUTHORIZED);
            assertEquals(1, told.size());
            assertTrue(Mails.text(told.get(0).raw()).contains("подтверждён: это сделал ваш персональный менеджер."), Mails.text(told.get(0).raw()));
            assertEquals(List.of(), sent(gw, MailKind.AUTHORIZER_THANKED));
        }
    }

    @Test
    void aForgedOrAlteredLinkDoesNothing() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            gw.intake.accept(ceoReply().bytes(), Envelope.UNKNOWN);
            gw.processAll();
            String token = Mails.linkTokens(Mails.text(sent(gw, MailKind.AUTHORIZATION_REQUEST).get(0).raw())).get(1); // "not us"
            String altered = token.substring(0, token.indexOf('.')) + "." + "A".repeat(43);
            assertTrue(gw.services.caseActions.press(altered, Locale.ENGLISH).contains("This link is not valid"));
            assertTrue(gw.services.caseActions.press("garbage", Locale.ENGLISH).contains("This link is not valid"));
            // a link for another action with the id of this one: the signature covers the action
            LinkSigner otherKey = new LinkSigner("a-completely-different-key-of-32+chars".getBytes(StandardCharsets.UTF_8));
            var claim = gw.services.links.signer().verify(token).orElseThrow();
            String forged = otherKey.sign(claim.linkId(), app.frontdesk.domain.model.supportcase.LinkAction.AUTHORIZE, claim.expiresAt());
            assertTrue(gw.services.caseActions.press(forged, Locale.ENGLISH).contains("This link is not valid"));
            // expired: a week and a day later the real link is refused too
            gw.clock.advance(Duration.ofDays(8));
            assertTrue(gw.services.caseActions.open(token, Locale.ENGLISH).contains("already been used or has expired"));
        }
    }

    @Test
    void notUsRejectsTheCaseAndAlertsTheManager() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            long id = gw.intake.accept(ceoReply().bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            String notUs = Mails.linkTokens(Mails.text(sent(gw, MailKind.AUTHORIZATION_REQUEST).get(0).raw())).get(1);
            assertTrue(gw.services.caseActions.press(notUs, Locale.ENGLISH).contains("Thank you for telling us"));
            SupportCase c = theCase(gw, message(gw, id).caseId());
            assertEquals(CaseState.REJECTED, c.state());
            List<OutboundMail> alerts = sent(gw, MailKind.MANAGER_ALERT);
            assertEquals(2, alerts.size());
            assertTrue(Mails.subject(alerts.get(1).raw()).contains("suspicious"), Mails.subject(alerts.get(1).raw()));
            assertEquals(InboundState.HELD, message(gw, id).state(), "nothing released");

            // the same sender again, after the case was closed: the matter came back
            long account = c.accountId().orElseThrow();
            gw.clock.advance(Duration.ofMinutes(5));
            gw.intake.accept(ceoReply().messageId("<again@petrov-family.example>").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            assertEquals(List.of(app.frontdesk.domain.model.care.ExperienceKind.UNKNOWN_SENDER_CASE,
                            app.frontdesk.domain.model.care.ExperienceKind.CASE_REOPENED),
                    gw.services.care.timeline(account).experiences().stream().map(e -> e.kind()).toList());
        }
    }

    @Test
    void aKnownContactWhoseMailFailsDmarcIsNotTreatedAsKnown() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            long id = gw.intake.accept(TestMail.from("anna.petrova@romashka.example")
                    .header("Authentication-Results", GatewayFixture.AUTHSERV_ID + "; spf=pass smtp.mailfrom=bulk.example;"
                            + " dkim=fail header.d=romashka.example; dmarc=fail header.from=romashka.example")
                    .subject("Please change our bank details").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            InboundMessage m = message(gw, id);
            assertEquals(Route.UNKNOWN_SENDER, m.route());
            assertTrue(m.reason().contains("is an authorized contact, but the mail is not verified"), m.reason());
            SupportCase c = theCase(gw, m.caseId());
            assertEquals(CaseKind.UNVERIFIED_CONTACT, c.kind());
            assertEquals(List.of(), sent(gw, MailKind.HELPDESK_FORWARD).stream().filter(x -> !x.messageId().equals(NOTICE_ID)).toList());
            assertEquals(List.of(), sent(gw, MailKind.SENDER_REPLY), "no reply to a possibly forged address");
            List<OutboundMail> warnings = sent(gw, MailKind.UNVERIFIED_CONTACT_WARNING);
            assertEquals(1, warnings.size());
            assertEquals(List.of("anna.petrova@romashka.example"), warnings.get(0).recipients());
            String w = Mails.text(warnings.get(0).raw());
            assertTrue(w.contains("не прошло проверку") || Mails.subject(warnings.get(0).raw()).contains("не прошло проверку"), w);
            // the verifier's output is for staff: the manager's alert carries it, the customer's warning says it in words (issue 13, 14)
            for (String part : List.of(w, Mails.html(warnings.get(0).raw()))) {
                assertFalse(java.util.regex.Pattern.compile("(spf|dkim|dmarc)=").matcher(part).find(), part);
                assertTrue(part.contains("Что показала проверка: цифровая подпись письма (DKIM) не сошлась: письмо изменили в пути или"
                        + " подписали не тем ключом; сервер, с которого пришло письмо, вправе отправлять почту домена из конверта (SPF),"
                        + " но адрес в поле «От» это не подтверждает; политика домена (DMARC) письмо не подтвердила."), part);
            }
            assertTrue(Mails.text(sent(gw, MailKind.MANAGER_ALERT).get(0).raw()).contains("dmarc=fail"));
            assertTrue(Mails.subject(sent(gw, MailKind.MANAGER_ALERT).get(0).raw()).contains("suspicious"));
            // "yes, it was me" releases it
            String confirm = Mails.linkTokens(w).get(0);
            gw.services.caseActions.press(confirm, RU);
            assertEquals(Route.HELPDESK, message(gw, id).route());
        }
    }

    @Test
    void confirmingTheNamedMessageReleasesOnlyItAndTheLaterForgeriesStayHeldForTheManager() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            String failing = GatewayFixture.AUTHSERV_ID + "; spf=pass smtp.mailfrom=bulk.example; dmarc=fail header.from=romashka.example";
            long first = gw.intake.accept(TestMail.from("anna.petrova@romashka.example").header("Authentication-Results", failing)
                    .subject("Invoice question").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            List<Long> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(gw.intake.accept(TestMail.from("anna.petrova@romashka.example").header("Authentication-Results", failing)
                        .subject("New bank details " + i).bytes(), Envelope.UNKNOWN).id());
            }
            gw.processAll();
            long caseId = message(gw, first).caseId();
            later.forEach(id -> assertEquals(caseId, message(gw, id).caseId(), "joined the same case"));
            String w = Mails.text(sent(gw, MailKind.UNVERIFIED_CONTACT_WARNING).get(0).raw());
            String page = gw.services.caseActions.press(Mails.linkTokens(w).get(0), RU); // "yes, I sent it": about the first message
            assertEquals(Route.HELPDESK, message(gw, first).route());
            assertTrue(page.contains("Более поздних писем с адреса anna.petrova@romashka.example: 3") && page.contains("New bank details 2"), "the contact is told: " + page);
            for (long id : later) {
                assertEquals(InboundState.HELD, message(gw, id).state(), "message " + id + " was not named by the mail");
            }
            SupportCase c = theCase(gw, caseId);
            assertFalse(c.state().isClosed(), "open for the manager while messages are held");
            String events = gw.db.inTransaction(r -> r.cases().find(caseId).orElseThrow().timeline().stream()
                    .map(e -> e.kind() + ": " + e.detail()).reduce("", (a, b) -> a + "\n" + b));
            assertTrue(events.contains("still-held: 3 later message(s)"), events);
        }
    }

    @Test
    void aBounceGetsNoReplyAndOpensNoCase() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            long id = gw.intake.accept(TestMail.from("MAILER-DAEMON@mx.romashka.example").subject("Undelivered Mail Returned to Sender")
                    .header("Auto-Submitted", "auto-replied").bytes(), new Envelope("", "frontdesk@frontdesk.test")).id();
            long ooo = gw.intake.accept(TestMail.from("ceo@romashka.example").subject("Out of office")
                    .header("Auto-Submitted", "auto-replied").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            assertEquals(Route.AUTOMATIC, message(gw, id).route());
            assertEquals(Route.AUTOMATIC, message(gw, ooo).route());
            assertNull(message(gw, ooo).caseId());
            assertEquals(List.of(), pending(gw));
        }
    }

    /**
     * The pipeline looks up the sender's open case and the "contacts asked" event without writing its batch first: the
     * case opened for the first message, and the question asked on it, must still be found for the four after it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void fiveMessagesInOneBatchMakeOneCaseAndAskTheContactOnce(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            romashka(gw);
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(gw.intake.accept(TestMail.from("ceo@romashka.example").subject("Question " + i).bytes(), Envelope.UNKNOWN).id());
            }
            assertEquals(5, gw.processor.processDue(), "all five in one batch, one transaction");
            long caseId = message(gw, ids.get(0)).caseId();
            for (long id : ids) {
                assertEquals(caseId, message(gw, id).caseId(), "one case for one sender");
            }
            assertEquals(1, sent(gw, MailKind.AUTHORIZATION_REQUEST).size(), "the contact is asked once per case");
            assertEquals(1, sent(gw, MailKind.SENDER_REPLY).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void fiveMessagesInAnHourGetOneReplyOneAlertAndThenADigest(String name, Supplier<DatabaseSettings> db) throws Exception {
        try (GatewayFixture gw = new GatewayFixture(db.get())) {
            romashka(gw);
            long first = 0;
            for (int i = 0; i < 5; i++) {
                long id = gw.intake.accept(TestMail.from("ceo@romashka.example").subject("Question " + i).bytes(), Envelope.UNKNOWN).id();
                first = first == 0 ? id : first;
                gw.processAll();
                gw.clock.advance(Duration.ofMinutes(10));
            }
            assertEquals(1, sent(gw, MailKind.SENDER_REPLY).size());
            assertEquals(1, sent(gw, MailKind.MANAGER_ALERT).size());
            assertEquals(1, sent(gw, MailKind.AUTHORIZATION_REQUEST).size(), "the contact is asked once per case");
            long caseId = message(gw, first).caseId();
            for (long id = first; id < first + 5; id++) {
                assertEquals(caseId, message(gw, id).caseId(), "one case for one sender");
                assertEquals(InboundState.HELD, message(gw, id).state());
            }
            assertEquals(0, gw.services.housekeeping.runDue(), "the hour is not over yet");
            gw.clock.advance(Duration.ofMinutes(15));
            assertEquals(1, gw.services.housekeeping.runDue());
            List<OutboundMail> digests = sent(gw, MailKind.MANAGER_DIGEST);
            assertEquals(1, digests.size());
            String digest = Mails.text(digests.get(0).raw());
            for (int i = 1; i < 5; i++) {
                assertTrue(digest.contains("Question " + i), digest);
            }
            assertFalse(digest.contains("Question 0"), "the first one was alerted on its own");
            assertEquals(0, gw.services.housekeeping.runDue(), "one digest, not one per run");
        }
    }

    @Test
    void theReplyIsTheSameWhetherOrNotAnAccountMatched() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            gw.intake.accept(ceoReply().bytes(), Envelope.UNKNOWN);
            gw.intake.accept(TestMail.from("Пётр <petr@nobody.example>").subject("Вопрос").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Добрый день! У меня вопрос по счёту 999-NOTHING.").bytes(), Envelope.UNKNOWN);
            // from a public mail service, tied to the account by its invoice: still a stranger (issue 14, item 1)
            gw.intake.accept(TestMail.from("Иван Петров <ivan.petrov@gmail.com>").subject("Re: Уведомление").rawHeaderCharset(StandardCharsets.UTF_8)
                    .body("Мы оплатили счёт INV-2026-0042.").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            List<OutboundMail> replies = sent(gw, MailKind.SENDER_REPLY);
            assertEquals(3, replies.size());
            List<SupportCase> cases = gw.db.inTransaction(r -> r.cases().list(java.util.Optional.empty(), 10));
            assertTrue(cases.stream().anyMatch(c -> c.accountId().isPresent()) && cases.stream().anyMatch(c -> c.accountId().isEmpty()),
                    "one matched, one did not");
            assertEquals(mask(Mails.text(replies.get(0).raw())), mask(Mails.text(replies.get(1).raw())));
            assertEquals(mask(Mails.html(replies.get(0).raw())), mask(Mails.html(replies.get(1).raw())));
            assertEquals(mask(Mails.subject(replies.get(0).raw())), mask(Mails.subject(replies.get(1).raw())));
            for (int i : new int[] {0, 1}) {
                assertEquals(mask(Mails.text(replies.get(i).raw())), mask(Mails.text(replies.get(2).raw())));
                assertEquals(mask(Mails.html(replies.get(i).raw())), mask(Mails.html(replies.get(2).raw())));
                assertEquals(mask(Mails.subject(replies.get(i).raw())), mask(Mails.subject(replies.get(2).raw())));
            }
        }
    }

    private static String mask(String s) {
        return s.replaceAll("FD-\\d+", "FD-#").replaceAll("(\\p{L}+, )?\\d{1,2} \\p{L}+ \\d{4}, \\d{2}:\\d{2} \\(\\S+\\)", "<date>");
    }

    @Test
    void aContactWithAWebhookIsAskedThroughIt() throws Exception {
        // the receiver in this test listens on loopback, which only this setting allows
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_WEBHOOK_ALLOW_PRIVATE", "true"))) {
            gw.accounts.create(new AccountDraft("Northwind", List.of("northwind.example"),
                    List.of(new AccountDraft.ContactDraft("john@northwind.example", "John", "en", "http://127.0.0.1:9/hook")), null), "test");
            gw.intake.accept(TestMail.from("boss@northwind.example").bytes(), Envelope.UNKNOWN);
            gw.processAll();
            List<OutboundMail> hooks = sent(gw, MailKind.WEBHOOK);
            assertEquals(1, hooks.size());
            assertEquals(List.of("http://127.0.0.1:9/hook"), hooks.get(0).recipients());
            var json = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(hooks.get(0).raw())).readObject();
            assertEquals("authorization-requested", json.getString("event"));
            assertEquals("boss@northwind.example", json.getJsonObject("sender").getString("address"));
            assertTrue(json.getString("authorizeUrl").startsWith("http://frontdesk.test/api/links/"));
            assertEquals(List.of(), sent(gw, MailKind.AUTHORIZATION_REQUEST));
            assertNotEquals(OutboxState.SENT, hooks.get(0).state());
        }
    }

    @Test
    void aWebhookToALoopbackLinkLocalOrPrivateAddressIsRefusedWithTheSettingNamed() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            for (String url : List.of("http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/x",
                    "http://[::1]/x", "http://[fd00::1]/x", "http://localhost:8080/x", "http://[::ffff:169.254.169.254]/x",
                    "http://100.64.0.1/x", "http://0.0.0.0/x")) {
                var e = assertThrows(app.frontdesk.application.accounts.InvalidAccountException.class, () -> gw.accounts.create(
                        new AccountDraft("Northwind " + url, List.of(), List.of(new AccountDraft.ContactDraft("john@northwind.example", "John",
                                "en", url)), null), "test"), url);
                assertTrue(e.getMessage().contains("FRONTDESK_WEBHOOK_ALLOW_PRIVATE"), e.getMessage());
            }
            gw.accounts.create(new AccountDraft("Northwind", List.of(), List.of(new AccountDraft.ContactDraft("john@northwind.example",
                    "John", "en", "https://hooks.northwind.example/frontdesk")), null), "test");
        }
    }

    @Test
    void aSenderWithANonAsciiLocalPartIsAnsweredAtTheIntactAddressNeverAMangledOne() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            byte[] raw = TestMail.from("x@romashka.example").header("From", "Иван Петров <иван@romashka.example>").subject("Оплата")
                    .rawHeaderCharset(StandardCharsets.UTF_8).bytes();
            long id = gw.intake.accept(raw, Envelope.UNKNOWN).id();
            gw.processAll();
            InboundMessage m = message(gw, id);
            SupportCase c = theCase(gw, m.caseId());
            assertEquals("иван@romashka.example", c.sender());
            List<OutboundMail> replies = sent(gw, MailKind.SENDER_REPLY);
            assertEquals(1, replies.size(), "answered; the outbox sends it only with SMTPUTF8 (SmtpUtf8Test)");
            assertEquals(List.of("иван@romashka.example"), replies.get(0).recipients());
            assertTrue(replies.get(0).needsSmtpUtf8());
            assertEquals(1, sent(gw, MailKind.MANAGER_ALERT).size(), "the manager is alerted as for anyone");
            for (OutboundMail out : gw.db.inTransaction(r -> r.outbox().causedBy(id))) {
                out.recipients().forEach(to -> assertFalse(to.contains("=?"), "never a mangled address: " + to));
            }
        }
    }

    @Test
    void aTriageCaseIsResolvedByAPersonWhoNamesTheAccount() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            long account = romashka(gw);
            long id = gw.intake.accept(TestMail.from("petr@nobody.example").subject("A question").bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            long caseId = message(gw, id).caseId();
            assertTrue(theCase(gw, caseId).accountId().isEmpty(), "no evidence: triage");
            assertEquals(List.of("admin@frontdesk.test"), sent(gw, MailKind.MANAGER_ALERT).get(0).recipients());
            assertEquals(List.of(), sent(gw, MailKind.AUTHORIZATION_REQUEST), "nobody to ask");

            SupportCase resolved = gw.services.caseActions.resolve(caseId, "admin-api: olga", "called Anna, she confirmed", account).orElseThrow();
            assertEquals(CaseState.RESOLVED, resolved.state());
            assertEquals(Route.HELPDESK, message(gw, id).route());
            assertEquals(List.of(account), gw.db.inTransaction(r -> r.accounts().accountsWithContact(
                    app.frontdesk.domain.model.account.EmailAddress.of("petr@nobody.example"))));
            SupportCase c = theCase(gw, caseId);
            assertTrue(c.timeline().stream().anyMatch(e -> e.kind().equals("contact-authorized") && e.actor().equals("admin-api: olga")),
                    "audited in the timeline");
            // the sender is told who did it; nobody of the customer's pressed a button, so nobody is thanked
            List<OutboundMail> told = sent(gw, MailKind.SENDER_AUTHORIZED);
            assertEquals(List.of("petr@nobody.example"), told.get(0).recipients());
            assertTrue(Mails.text(told.get(0).raw()).contains("is confirmed: our support team did it."), Mails.text(told.get(0).raw()));
            assertEquals(List.of(), sent(gw, MailKind.AUTHORIZER_THANKED));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> gw.services.caseRejection.reject(caseId, "admin-api", "too late"), "a closed case stays closed");
        }
    }

    @Test
    void aCaseNobodyActsOnExpiresWithItsLinksAndItsMessagesStayHeld() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2())) {
            romashka(gw);
            long id = gw.intake.accept(ceoReply().bytes(), Envelope.UNKNOWN).id();
            gw.processAll();
            String token = Mails.linkTokens(Mails.text(sent(gw, MailKind.AUTHORIZATION_REQUEST).get(0).raw())).get(0);
            long account = message(gw, id).accountId();
            gw.clock.advance(Duration.ofDays(6));
            assertEquals(1, gw.services.housekeeping.runDue(), "not expired yet, but the promised answer is overdue");
            assertEquals(List.of(app.frontdesk.domain.model.care.ExperienceKind.UNKNOWN_SENDER_CASE,
                            app.frontdesk.domain.model.care.ExperienceKind.DEADLINE_MISSED),
                    gw.services.care.timeline(account).experiences().stream().map(e -> e.kind()).toList());
            assertEquals(0, gw.services.housekeeping.runDue(), "a missed deadline counts once");
            gw.clock.advance(Duration.ofDays(1).plusMinutes(1));
            assertEquals(1, gw.services.housekeeping.runDue());
            assertEquals(CaseState.EXPIRED, theCase(gw, message(gw, id).caseId()).state());
            assertEquals(InboundState.HELD, message(gw, id).state());
            assertTrue(gw.services.caseActions.press(token, Locale.ENGLISH).contains("already been used or has expired"));
        }
    }
}
