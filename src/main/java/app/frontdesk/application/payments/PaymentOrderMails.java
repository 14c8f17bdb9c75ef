package app.frontdesk.application.payments;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.Text;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.PersonalManager;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The personal manager's mails about payment orders that came by mail: recorded (template
 * {@code payment-order-noted}), or which account it is for ({@code payment-order-unclear}). For staff,
 * in the reader's language (see {@link StaffMails}); amounts are shown, staff may see them.
 */
public final class PaymentOrderMails {

    private final StaffMails staff;

    public PaymentOrderMails(StaffMails staff) {
        this.staff = staff;
    }

    /**
     * To the personal manager: a customer sent a payment order, and what it holds now.
     *
     * @param passedOnBy the manager who forwarded it, or null when the customer's contact mailed it
     * @param pausedUntil the last day on which no reminder goes out because of it; null when it holds nothing
     */
    public OutboundMail paymentOrderReceived(Repositories repos, Account account, PersonalManager manager, String from, String passedOnBy,
                                             PaymentOrderReader.PaymentOrder order, int waitingNotices, LocalDate pausedUntil,
                                             boolean toHelpdesk, Long inboundId, Instant now) {
        String to = manager.address().value();
        StaffReader reader = staff.reader(repos, to);
        Map<String, Object> model = order(reader, order);
        model.put("managerName", manager.name() == null ? "" : manager.name());
        model.put("accountName", account.name());
        model.put("from", from);
        model.put("passedOnBy", passedOnBy == null ? "" : passedOnBy);
        model.put("waiting", waitingNotices);
        model.put("pausedUntil", pausedUntil == null ? "" : reader.date(pausedUntil));
        model.put("toHelpdesk", toHelpdesk);
        model.put("inboundId", inboundId);
        model.put("accountUrl", staff.accountUrl(account.id()));
        var mail = staff.write(Text.PAYMENT_ORDER_NOTED, reader, model, List.of(to), "auto-generated", null, now);
        return new OutboundMail(MailKind.MANAGER_ALERT, mail.messageId(), staff.from(), List.of(to), mail.raw(), inboundId, now)
                .about(account.id(), null);
    }

    /**
     * A manager forwarded a payment order but manages several accounts and the mail does not tell which one.
     *
     * @param accounts the manager's accounts, by id, with their names
     */
    public OutboundMail paymentOrderAccountUnclear(Repositories repos, String manager, PaymentOrderReader.PaymentOrder order,
                                                   Map<Long, String> accounts, Long inboundId, Instant now) {
        StaffReader reader = staff.reader(repos, manager);
        Map<String, Object> model = order(reader, order);
        model.put("count", accounts.size());
        model.put("accounts", accounts.entrySet().stream().map(a -> Map.of("name", a.getValue(), "url", staff.accountUrl(a.getKey()))).toList());
        model.put("inboundId", inboundId);
        var mail = staff.write(Text.PAYMENT_ORDER_UNCLEAR, reader, model, List.of(manager), "auto-replied", null, now);
        return new OutboundMail(MailKind.MANAGER_ALERT, mail.messageId(), staff.from(), List.of(manager), mail.raw(), inboundId, now);
    }

    /** The order as it was read: number, date, amount (each may be unreadable) and where it was read from. */
    private Map<String, Object> order(StaffReader reader, PaymentOrderReader.PaymentOrder order) {
        Map<String, Object> m = staff.model(reader);
        m.put("number", order.number() == null ? "" : order.number());
        m.put("date", reader.date(order.date()));
        m.put("amount", order.amount() == null ? "" : reader.money(order.amount().amount(), order.amount().currency()));
        boolean attachment = order.source().startsWith("attachment ");
        m.put("attachment", attachment ? order.source().substring("attachment ".length()) : "");
        return m;
    }

    /** Sample values for the start-up check of the two templates. */
    public static Map<String, Object> sample() {
        Map<String, Object> m = new HashMap<>();
        m.put("number", "118");
        m.put("date", "20 November 2026");
        m.put("amount", "RUB 1,500.00");
        m.put("attachment", "order-118.pdf");
        m.put("from", "buh@sample.example");
        m.put("passedOnBy", "olga@frontdesk.example");
        m.put("waiting", 1);
        m.put("pausedUntil", "25 November 2026");
        m.put("toHelpdesk", true);
        m.put("inboundId", 101);
        m.put("accounts", List.of(Map.of("name", "Sample LLC", "url", "https://frontdesk.example/console/accounts/100")));
        return m;
    }
}
