package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.care.RecoveryDesk;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.Payment;
import app.frontdesk.domain.model.billing.PaymentState;
import app.frontdesk.domain.model.care.ExperienceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Notices that went out and were wrong: the customer had paid before we told them they had not. Only these
 * are a bad experience of the customer's; a notice the gate held or blocked never reached them.
 */
final class SentInError {

    private final CareDesk care;
    private final RecoveryDesk recovery;
    private final ZoneId defaultZone;

    SentInError(CareDesk care, RecoveryDesk recovery, ZoneId defaultZone) {
        this.care = care;
        this.recovery = recovery;
        this.defaultZone = defaultZone;
    }

    /**
     * A notice that reached the customer is wrong when a payment allocated to an invoice it named is dated (its
     * value date or booking date, whichever is earlier) before the day it was sent, in the account's zone: the
     * customer had paid, and we told them they had not. Each such notice, once: the manager owes them a recovery
     * (a task, with the offers), and it is one bad experience of the account. The same day does not count: the
     * payment may have followed the notice.
     */
    void find(Repositories repos, long accountId, Instant now) {
        List<Notice> sent = repos.billing().notices(accountId, List.of(NoticeState.SENT)).stream()
                .filter(n -> n.foundWrongAt().isEmpty() && n.sentAt().isPresent()).toList();
        if (sent.isEmpty()) {
            return;
        }
        Optional<Account> account = repos.accounts().find(accountId);
        ZoneId zone = account.flatMap(Account::timeZone).orElse(defaultZone);
        for (Notice n : sent) {
            LocalDate sentOn = n.sentAt().orElseThrow().atZone(zone).toLocalDate();
            List<Long> invoices = repos.billing().invoicesByNumber(n.invoices()).values().stream()
                    .filter(i -> i.accountId() == accountId).map(Invoice::id).toList();
            Optional<Payment> before = repos.billing().paymentsAllocatedTo(invoices).stream()
                    .filter(p -> p.state() != PaymentState.PENDING && paidOn(p).isBefore(sentOn))
                    .min(Comparator.comparing(SentInError::paidOn));
            if (before.isEmpty() || account.isEmpty()) {
                continue;
            }
            n.foundWrong(now);
            LocalDate paidOn = paidOn(before.get());
            recovery.owed(repos, account.get(), n, sentOn, before.get().externalId(), paidOn, now); // first: the red-flag alert lists it
            care.record(repos, accountId, ExperienceKind.WRONG_NOTICE, "notice " + n.id() + " (" + n.kind()
                    + ") sent on " + sentOn + " although payment " + before.get().externalId() + " dated " + paidOn + " had paid " + n.invoices(), null);
            repos.audit().record(new AuditEvent(now, "frontdesk", "notice-found-wrong", "notice", n.id(), "payment "
                    + before.get().externalId() + " dated " + paidOn + ", notice sent on " + sentOn));
        }
    }

    /** The day a payment was made, as the bank dates it: the earlier of its value and booking dates. */
    private static LocalDate paidOn(Payment p) {
        LocalDate booked = p.bookingDate();
        LocalDate value = p.valueDate();
        return value == null ? booked : booked == null || value.isBefore(booked) ? value : booked;
    }
}
