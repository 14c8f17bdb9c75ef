package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.news.Reassurance;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import app.frontdesk.domain.model.calendar.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person of the customer's may be told about the account's dunning, read in the caller's
 * transaction: until when their payment orders keep notices away (the gate's own clearing window),
 * and the one reassuring fact when Frontdesk stopped a notice because they paid. Only what Frontdesk
 * can vouch for: a notice that is waiting for anything but their payment (a person's approval, the
 * business morning) may still go out once their case is answered, so {@link #about} says nothing of it;
 * the reply to the person who wrote says it waits for our answer ({@link #beforeOurAnswer}).
 */
public final class PaymentNews {

    /** A notice blocked because it was paid is news for this long. */
    static final Duration RECENT = Duration.ofDays(30);

    private static final Set<String> PAYMENT_REASONS = Set.of("PAYMENT_EVIDENCE", "UNALLOCATED_PAYMENT");

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private final DunningGate gate;
    private final ZoneId defaultZone;

    public PaymentNews(DunningGate gate, ZoneId defaultZone) {
        this.gate = gate;
        this.defaultZone = defaultZone;
    }

    /**
     * The last day on which the account's payment orders still hold every notice (the latest clearing window
     * of an unconfirmed order that has not ended), in the account's time zone; empty when none does.
     */
    public Optional<LocalDate> pausedUntil(Repositories repos, long accountId, Instant now) {
        Optional<Account> account = repos.accounts().find(accountId);
        BusinessCalendar cal = gate.calendarOf(account.flatMap(Account::timeZone).orElse(defaultZone),
                account.flatMap(Account::businessHours).map(BusinessHours::parse).orElse(null));
        return repos.billing().unconfirmedEvidence(accountId).stream().map(PaymentEvidence::orderDate)
                .map(d -> gate.clearingEnds(cal, d)).filter(now::isBefore).max(Comparator.naturalOrder())
                .map(end -> end.atZone(cal.zone()).toLocalDate());
    }

    /**
     * The reassuring fact, if there is one: a notice held while their payment order goes through the bank
     * (until a day) or while their payment is matched to invoices; else, with nothing waiting, a notice
     * blocked in the last 30 days because it was paid; else a payment order that keeps reminders away.
     */
    public Optional<Reassurance> about(Repositories repos, long accountId, Instant now) {
        Optional<LocalDate> pause = pausedUntil(repos, accountId, now);
        List<Notice> notices = repos.billing().notices(accountId, List.of(NoticeState.SCHEDULED, NoticeState.QUEUED,
                NoticeState.HELD, NoticeState.BLOCKED));
        List<Notice> waiting = notices.stream().filter(n -> n.state() != NoticeState.BLOCKED).toList();
        if (!waiting.isEmpty()) {
            List<Notice> heldForPayment = waiting.stream().filter(n -> n.state() == NoticeState.HELD)
                    .filter(n -> codes(repos, n).stream().anyMatch(PAYMENT_REASONS::contains)).toList();
            Optional<Notice> hardest = hardest(heldForPayment);
            if (pause.isPresent()) {
                // every notice is held by the gate until the clearing window ends, whatever else it waits for
                return Optional.of(hardest.map(n -> new Reassurance(Reassurance.Kind.ORDER_HOLDS, n.kind(), pause.get()))
                        .orElse(new Reassurance(Reassurance.Kind.ORDER_ON_FILE, null, pause.get())));
            }
            if (heldForPayment.size() == waiting.size()) {
                return hardest.map(n -> new Reassurance(Reassurance.Kind.PAYMENT_BEING_MATCHED, n.kind(), null));
            }
            return Optional.empty();
        }
        Optional<Notice> paid = hardest(notices.stream().filter(n -> n.updatedAt().isAfter(now.minus(RECENT)))
                .filter(n -> codes(repos, n).contains("INVOICE_PAID")).toList());
        if (paid.isPresent()) {
            return Optional.of(new Reassurance(Reassurance.Kind.PAID, paid.get().kind(), null));
        }
        return pause.map(day -> new Reassurance(Reassurance.Kind.ORDER_ON_FILE, null, day));
    }

    /**
     * What the reply to a person of the company says (see cases.Insiders): the reassuring fact of {@link #about}, else,
     * when a notice of the account is waiting for anything else, that it is stopped until we have answered them. The
     * gate vouches for it: it holds every notice while the person's case is open (OPEN_CASE) and, once resolved, until
     * the answer we promised them is due (ANSWER_PROMISED), so their deadline comes before any notice.
     */
    public Optional<Reassurance> beforeOurAnswer(Repositories repos, long accountId, Instant now) {
        Optional<Reassurance> fact = about(repos, accountId, now);
        if (fact.isPresent()) {
            return fact;
        }
        return hardest(repos.billing().notices(accountId, List.of(NoticeState.SCHEDULED, NoticeState.QUEUED, NoticeState.HELD)))
                .map(n -> new Reassurance(Reassurance.Kind.UNTIL_ANSWERED, n.kind(), null));
    }

    private static Optional<Notice> hardest(List<Notice> notices) {
        return notices.stream().max(Comparator.comparing(Notice::kind).thenComparing(Notice::id));
    }

    /** The reason codes of the notice's latest decision: why it is where it is (read even from reasons cut at 8,000 characters). */
    private static Set<String> codes(Repositories repos, Notice n) {
        List<NoticeDecision> decisions = repos.billing().decisions(n.id());
        if (decisions.isEmpty()) {
            return Set.of();
        }
        return CODE.matcher(decisions.get(decisions.size() - 1).reasons()).results().map(m -> m.group(1)).collect(Collectors.toSet());
    }
}
