package app.frontdesk.application.dunning;

import java.time.ZoneId;

/** What the pipeline's payment-order step uses, wired once (see bootstrap.Services). */
public record PaymentOrders(PaymentOrderReader reader, PaymentDesk payments, NoticeMails mails, ZoneId zone) {
}
