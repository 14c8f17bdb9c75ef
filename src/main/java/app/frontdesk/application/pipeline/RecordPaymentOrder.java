package app.frontdesk.application.pipeline;

import app.frontdesk.application.payments.PaymentOrders;

/**
 * A verified contact's message that carries a payment order (in its text or an attached PDF) becomes
 * payment evidence for the account, in the decision's transaction: held notices are re-checked at
 * once, the personal manager is told, and the sender is told it arrived and until when no reminder
 * comes. The message itself goes on to the helpdesk (next step).
 */
public final class RecordPaymentOrder implements Mailet {

    private final PaymentOrders orders;

    public RecordPaymentOrder(PaymentOrders orders) {
        this.orders = orders;
    }

    @Override
    public void service(MailContext mail, String because) {
        orders.read(mail.parsed(), mail.message().receivedAt()).ifPresent(order -> {
            long account = mail.contactAccounts().get(0);
            orders.record(mail.repositories(), account, order, mail.sender().orElseThrow().value(), true, mail.message().id(), mail.now());
            orders.acknowledge(mail.repositories(), account, mail.sender().get(), order, mail.parsed().header("Message-ID").orElse(null),
                    mail.message().id(), mail.now());
            mail.sent("payment order recorded for account " + account + "; its receipt acknowledged to " + mail.sender().get().value());
        });
    }
}
