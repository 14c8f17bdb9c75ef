package app.frontdesk.application.pipeline;

import app.frontdesk.application.payments.PassedOnPaymentOrders;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/**
 * A payment order a personal manager passed on becomes payment evidence of the right account (see
 * {@link PassedOnPaymentOrders}). It is the manager's mail: it never goes to the helpdesk and never
 * gets the unknown-sender treatment; when the account is unclear it is held while the manager is asked.
 */
public final class RecordForwardedPaymentOrder implements Mailet {

    private final PassedOnPaymentOrders orders;

    public RecordForwardedPaymentOrder(PassedOnPaymentOrders orders) {
        this.orders = orders;
    }

    @Override
    public void service(MailContext mail, String because) {
        var manager = mail.sender().orElseThrow();
        orders.record(mail.repositories(), mail.parsed(), manager, mail.managedAccounts(), mail.message(), mail.now()).ifPresent(o -> {
            mail.sent(o.sent());
            if (o.accountId().isEmpty()) {
                mail.decide(Route.PAYMENT_ORDER, InboundState.HELD, null, "payment order passed on by manager " + manager
                        + ": which of their " + mail.managedAccounts().size() + " accounts is not clear; the manager was asked");
            } else {
                mail.decide(Route.PAYMENT_ORDER, InboundState.ROUTED, o.accountId().get(), "payment order passed on by manager " + manager
                        + " recorded as payment evidence for account " + o.accountId().get());
            }
        });
    }
}
