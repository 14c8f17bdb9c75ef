package app.frontdesk.application.dunning;

import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import java.time.Instant;
import java.util.List;

/** What billing wants to send: to which account, about which invoices, how much, of which kind, when. */
public record NoticeRequest(long accountId, NoticeKind kind, List<String> invoiceNumbers, Money claimed, Instant plannedAt) {

    public NoticeRequest {
        invoiceNumbers = List.copyOf(invoiceNumbers);
    }
}
