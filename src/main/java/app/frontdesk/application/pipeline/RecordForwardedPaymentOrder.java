package app.frontdesk.application.pipeline;

import app.frontdesk.application.dunning.PaymentOrderReader;
import app.frontdesk.application.dunning.PaymentOrders;
import app.frontdesk.application.evidence.AccountFinder;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.evidence.ClueExtractor;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The story's accountant often mails the payment order to the personal manager, not to support. The
 * manager forwards it to us (inline or attached) and it becomes payment evidence, exactly as if the
 * customer's verified contact had sent it. Which account: the manager's only one, else the one the
 * mail's evidence points to among the manager's accounts (payer INN, invoice numbers, the original
 * sender's domain). When that stays unclear nothing is guessed: the manager is asked, and the
 * message is held for them. Either way it is the manager's mail, so it never goes to the helpdesk
 * and never gets the unknown-sender treatment.
 */
public final class RecordForwardedPaymentOrder implements Mailet {

    /** The forwarded original's sender, as mail programs quote it ("From: Anna <anna@x.ru>", "От: ..."). */
    private static final Pattern QUOTED_FROM = Pattern.compile("(?im)^\\s*>?\\s*(?:From|От|De|Von)\\s*:.*?<?([^\\s<>\"]+@[^\\s<>\"]+?)>?\\s*$");

    private final PaymentOrders orders;
    private final ClueExtractor clues;
    private final AccountFinder finder;

    public RecordForwardedPaymentOrder(PaymentOrders orders, ClueExtractor clues, AccountFinder finder) {
        this.orders = orders;
        this.clues = clues;
        this.finder = finder;
    }

    @Override
    public void service(MailContext mail, String because) {
        Optional<PaymentOrderReader.PaymentOrder> order = orders.read(mail.parsed(), mail.message().receivedAt());
        if (order.isEmpty()) {
            return; // a manager's other mail goes the usual way
        }
        EmailAddress manager = mail.sender().orElseThrow();
        List<Long> managed = mail.repositories().accounts().accountsManagedBy(manager);
        Optional<EmailAddress> original = originalSender(mail.parsed().text());
        Optional<Long> account = managed.size() == 1 ? Optional.of(managed.get(0)) : pointedTo(mail, managed, original.orElse(manager));
        var o = order.get();
        if (account.isEmpty()) {
            List<String> names = managed.stream().map(id -> mail.repositories().accounts().find(id)
                    .map(a -> a.name() + " (account " + id + ")").orElse("account " + id)).toList();
            mail.repositories().outbox().add(orders.mails().paymentOrderAccountUnclear(manager.value(), o, names, mail.message().id(), mail.now()));
            mail.sent("question to manager " + manager + ": which account");
            mail.decide(Route.PAYMENT_ORDER, InboundState.HELD, null, "payment order passed on by manager " + manager
                    + ": which of their " + managed.size() + " accounts is not clear; the manager was asked");
            return;
        }
        long id = account.get();
        String from = original.map(e -> e.value() + " (passed on by " + manager + ")").orElse(manager.value());
        orders.record(mail.repositories(), id, o, from, false, mail.message().id(), mail.now());
        mail.sent("payment order recorded for account " + id);
        mail.decide(Route.PAYMENT_ORDER, InboundState.ROUTED, id, "payment order passed on by manager " + manager
                + " recorded as payment evidence for account " + id);
    }

    /** The best-ranked of the manager's accounts, when the evidence puts exactly one of them first. */
    private Optional<Long> pointedTo(MailContext mail, List<Long> managed, EmailAddress sender) {
        List<Candidate> mine = finder.find(clues.extract(mail.parsed(), sender), true, mail.repositories()).ranked().stream()
                .filter(c -> managed.contains(c.accountId())).toList();
        if (mine.isEmpty() || mine.size() > 1 && mine.get(1).confidence() >= mine.get(0).confidence()) {
            return Optional.empty();
        }
        return Optional.of(mine.get(0).accountId());
    }

    static Optional<EmailAddress> originalSender(String text) {
        Matcher m = QUOTED_FROM.matcher(text == null ? "" : text);
        while (m.find()) {
            try {
                return Optional.of(EmailAddress.of(m.group(1)));
            } catch (IllegalArgumentException e) {
                // not an address after all; look further
            }
        }
        return Optional.empty();
    }
}
