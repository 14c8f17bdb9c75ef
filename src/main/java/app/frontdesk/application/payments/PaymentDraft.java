package app.frontdesk.application.payments;

import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.PaymentSource;
import java.time.LocalDate;

/** A payment as an import or the API describes it, before it is matched. A null booking date means pending. */
public record PaymentDraft(String externalId, Money amount, LocalDate bookingDate, LocalDate valueDate, String payerInn,
                           String payerAccount, String purpose, PaymentSource source) {
}
