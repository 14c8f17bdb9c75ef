package app.frontdesk.application.payments;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.news.CustomerNews;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.billing.NoticeState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Payment orders that arrive by mail, from a customer's contact or passed on by their manager:
 * read, recorded as payment evidence and told to the account's manager the same way for both; the
 * contact who sent one is told it arrived and until when no reminder comes.
 * Wired once (see bootstrap.Services).
 */
public record PaymentOrders(PaymentOrderReader reader, PaymentDesk payments, PaymentOrderMails mails, ZoneId zone, ReminderPause pause,
                            CustomerNews news) {

    /** The payment order in the mail, if any; an order without a date is dated the day the mail arrived here. */
    public Optional<PaymentOrderReader.PaymentOrder> read(ParsedMail mail, Instant receivedAt) {
        return reader.read(mail, receivedAt.atZone(zone).toLocalDate());
    }

    /**
     * Records the order as payment evidence of the account in the caller's transaction (its held
     * notices are re-checked at once) and tells the account's personal manager.
     *
     * @param from who sent it, as the manager should read it
     * @param toHelpdesk whether the message itself goes on to the helpdesk
     */
    public void record(Repositories repos, long accountId, PaymentOrderReader.PaymentOrder order, String from, boolean toHelpdesk,
                       long inboundId, Instant now) {
        record(repos, accountId, order, from, null, toHelpdesk, inboundId, now);
    }

    /** As {@link #record(Repositories, long, PaymentOrderReader.PaymentOrder, String, boolean, long, Instant)}, for an order a manager passed on. */
    public void record(Repositories repos, long accountId, PaymentOrderReader.PaymentOrder order, String from, String passedOnBy,
                       boolean toHelpdesk, long inboundId, Instant now) {
        payments.recordEvidence(repos, accountId, order.number(), order.date(), order.amount(), inboundId);
        Optional<Account> account = repos.accounts().find(accountId);
        int waiting = repos.billing().notices(accountId, List.of(NoticeState.HELD, NoticeState.SCHEDULED)).size();
        LocalDate paused = pause.until(repos, accountId, now).orElse(null);
        account.ifPresent(a -> a.manager().ifPresent(m -> repos.outbox().add(mails.paymentOrderReceived(repos, a, m, from, passedOnBy, order,
                waiting, paused, toHelpdesk, inboundId, now))));
    }

    /**
     * Tells the contact who mailed the order that it is here (number and date) and, while it is on its way
     * through the bank, the last day on which no reminder or notice comes: the gate's own clearing window.
     * After {@link #record}, in the same transaction.
     *
     * @param inReplyTo the Message-ID of their mail, so that the answer threads under it
     */
    public void acknowledge(Repositories repos, long accountId, EmailAddress sender, PaymentOrderReader.PaymentOrder order, String inReplyTo,
                            long inboundId, Instant now) {
        Optional<Account> account = repos.accounts().find(accountId);
        Optional<Contact> contact = account.flatMap(a -> a.contact(sender));
        if (contact.isEmpty() || !sender.asciiLocalPart()) {
            return;
        }
        repos.outbox().add(news.paymentOrderReceived(account.get(), contact.get(), order.number(), order.date(),
                pause.until(repos, accountId, now).orElse(null), inReplyTo, inboundId, now));
    }
}
