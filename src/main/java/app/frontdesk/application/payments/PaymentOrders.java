package app.frontdesk.application.payments;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.billing.NoticeState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Payment orders that arrive by mail, from a customer's contact or passed on by their manager:
 * read, recorded as payment evidence and told to the account's manager the same way for both.
 * Wired once (see bootstrap.Services).
 */
public record PaymentOrders(PaymentOrderReader reader, PaymentDesk payments, PaymentOrderMails mails, ZoneId zone) {

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
        payments.recordEvidence(repos, accountId, order.number(), order.date(), order.amount(), inboundId);
        Optional<Account> account = repos.accounts().find(accountId);
        int waiting = repos.billing().notices(accountId, List.of(NoticeState.HELD, NoticeState.SCHEDULED)).size();
        account.flatMap(Account::manager).ifPresent(m -> repos.outbox().add(mails.paymentOrderReceived(accountId, account.get().name(),
                m.address().value(), from, order, waiting, toHelpdesk, inboundId, now)));
    }
}
