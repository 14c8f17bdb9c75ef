package app.frontdesk.application.pipeline;

import app.frontdesk.application.dunning.NoticeMails;
import app.frontdesk.application.dunning.PaymentDesk;
import app.frontdesk.application.dunning.PaymentOrderReader;
import app.frontdesk.domain.model.account.Account;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A verified contact's message that carries a payment order (in its text or an attached PDF) becomes
 * payment evidence for the account, in the decision's transaction: held notices are re-checked at
 * once, and the personal manager is told. The message itself goes on to the helpdesk (next step).
 */
public final class RecordPaymentOrder implements Mailet {

    private final PaymentOrderReader reader;
    private final PaymentDesk payments;
    private final NoticeMails mails;
    private final ZoneId zone;

    public RecordPaymentOrder(PaymentOrderReader reader, PaymentDesk payments, NoticeMails mails, ZoneId zone) {
        this.reader = reader;
        this.payments = payments;
        this.mails = mails;
        this.zone = zone;
    }

    @Override
    public void service(MailContext mail, String because) {
        Optional<PaymentOrderReader.PaymentOrder> order = reader.read(mail.parsed(), mail.message().receivedAt().atZone(zone).toLocalDate());
        if (order.isEmpty()) {
            return;
        }
        long account = mail.contactAccounts().get(0);
        var o = order.get();
        payments.recordEvidence(mail.repositories(), account, o.number(), o.date(), o.amount(), mail.message().id());
        Optional<Account> a = mail.repositories().accounts().find(account);
        int waiting = mail.repositories().billing().notices(account, java.util.List.of(
                app.frontdesk.domain.model.billing.NoticeState.HELD, app.frontdesk.domain.model.billing.NoticeState.SCHEDULED)).size();
        a.flatMap(Account::manager).ifPresent(m -> mail.repositories().outbox().add(mails.paymentOrderReceived(account, a.get().name(),
                m.address().value(), mail.sender().orElseThrow().value(), o, waiting, true, mail.message().id(), mail.now())));
        mail.sent("payment order recorded for account " + account);
    }
}
