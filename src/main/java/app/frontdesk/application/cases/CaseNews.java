package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.dunning.NoticeStopped;
import app.frontdesk.application.dunning.PaymentNews;
import app.frontdesk.application.news.CustomerNews;
import app.frontdesk.application.news.Reassurance;
import app.frontdesk.application.texts.Topic;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.supportcase.CaseEvent;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When Frontdesk holds or blocks a notice because the customer paid, the people of theirs who already
 * wrote to us about it, from an address we do not act on yet, hear it at once (issue 14, item 2):
 * only senders of an open case whom the reply answered as a person of the company ({@link Insiders},
 * so nobody else learns anything of the account), only when they wrote about the notice (a reply to
 * our notice, a subject about payment or suspension) or the reply already spoke of it, and each fact
 * once.
 */
public final class CaseNews implements NoticeStopped {

    /** The timeline event that says what the sender was told about the account's notices since the reply. */
    static final String TOLD = "notice-news-sent";

    /** Subjects that are about a payment, a reminder or a suspension (ru and en). */
    private static final Pattern ABOUT_DUNNING = Pattern.compile("(?iu)приостанов|отключ|уведомлени|задолженн|напоминани|оплат|платёж|платеж"
            + "|счёт|счет|suspen|switch.?off|cut.?off|notice|overdue|reminder|payment|invoice|paid");

    private final PaymentNews payments;
    private final CustomerNews news;
    private final CaseSettings settings;

    public CaseNews(PaymentNews payments, CustomerNews news, CaseSettings settings) {
        this.payments = payments;
        this.news = news;
        this.settings = settings;
    }

    @Override
    public void stoppedForPayment(Repositories repos, long accountId, Instant now) {
        Optional<Reassurance> fact = payments.about(repos, accountId, now);
        Optional<Account> account = repos.accounts().find(accountId);
        if (fact.isEmpty() || account.isEmpty()) {
            return;
        }
        String key = fact.get().key();
        for (SupportCase c : repos.cases().openCasesOf(accountId)) {
            Optional<CaseEvent> answered = c.timeline().stream().filter(e -> e.kind().equals(Insiders.ANSWERED)).reduce((a, b) -> b);
            boolean toldAlready = c.timeline().stream().anyMatch(e -> (e.kind().equals(Insiders.ANSWERED) || e.kind().equals(TOLD))
                    && e.detail() != null && e.detail().endsWith(key));
            if (c.kind() != CaseKind.UNKNOWN_SENDER || answered.isEmpty() || toldAlready) {
                continue;
            }
            List<InboundMessage> messages = repos.inbound().inCase(c.id());
            boolean aboutIt = !answered.get().detail().endsWith("told nothing") || String.valueOf(c.evidence()).contains("reply-to-our-mail")
                    || messages.stream().anyMatch(m -> m.subject() != null && ABOUT_DUNNING.matcher(m.subject()).find());
            if (!aboutIt) {
                continue;
            }
            InboundMessage first = messages.isEmpty() ? null : messages.get(0);
            Instant answerBy = c.dueAt().isAfter(now) ? c.dueAt() : settings.calendar().plusBusinessTime(now, settings.answerWithin());
            repos.outbox().add(news.noticeNews(c, c.senderName().flatMap(n -> Insiders.greetName(n, account.get())).orElse(null),
                    Topic.of(first == null ? null : first.subject()), fact.get(), answerBy, threadUnder(first), now));
            c.record(now, "frontdesk", TOLD, c.sender() + " told " + key);
        }
    }

    /** Their first message's Message-ID, to thread under it, when it is one (never copy a strange value into a header). */
    private static String threadUnder(InboundMessage first) {
        String id = first == null || first.messageId() == null ? "" : first.messageId().strip();
        return id.matches("<[^<>\\s]{1,900}>") ? id : null;
    }
}
