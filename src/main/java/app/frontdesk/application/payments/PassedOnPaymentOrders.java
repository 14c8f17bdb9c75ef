package app.frontdesk.application.payments;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.evidence.AccountSearch;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The story's accountant often mails the payment order to the personal manager, not to support. The
 * manager forwards it to us (inline or attached) and it becomes payment evidence, exactly as if the
 * customer's verified contact had sent it. Which account: the manager's only one, else the one the
 * mail's evidence points to among the manager's accounts (payer INN, invoice numbers, the original
 * sender's domain). When that stays unclear nothing is guessed: the manager is asked.
 */
public final class PassedOnPaymentOrders {

    /** The forwarded original's sender, as mail programs quote it ("From: Anna <anna@x.ru>", "От: ..."). */
    private static final Pattern QUOTED_FROM = Pattern.compile("(?im)^\\s*>?\\s*(?:From|От|De|Von)\\s*:.*?<?([^\\s<>\"]+@[^\\s<>\"]+?)>?\\s*$");

    private final PaymentOrders orders;
    private final AccountSearch search;

    public PassedOnPaymentOrders(PaymentOrders orders, AccountSearch search) {
        this.orders = orders;
        this.search = search;
    }

    /**
     * What became of it.
     *
     * @param accountId the account it was recorded for; empty when the manager was asked which one
     * @param sent      what was done, in words
     */
    public record Outcome(Optional<Long> accountId, String sent) {
    }

    /**
     * Records the payment order in the mail for the right one of the manager's accounts, or asks the
     * manager which one; empty when the mail holds no payment order (a manager's other mail goes the
     * usual way).
     *
     * @param managed the accounts {@code manager} is the personal manager of
     */
    public Optional<Outcome> record(Repositories repos, ParsedMail mail, EmailAddress manager, List<Long> managed, InboundMessage message,
                                    Instant now) {
        Optional<PaymentOrderReader.PaymentOrder> order = orders.read(mail, message.receivedAt());
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Optional<EmailAddress> original = originalSender(mail.text());
        Optional<Long> account = managed.size() == 1 ? Optional.of(managed.get(0))
                : pointedTo(repos, mail, managed, original.orElse(manager));
        var o = order.get();
        if (account.isEmpty()) {
            Map<Long, String> names = new LinkedHashMap<>();
            managed.forEach(id -> names.put(id, repos.accounts().find(id).map(a -> a.name()).orElse("#" + id)));
            repos.outbox().add(orders.mails().paymentOrderAccountUnclear(repos, manager.value(), o, names, message.id(), now));
            return Optional.of(new Outcome(Optional.empty(), "question to manager " + manager + ": which account"));
        }
        long id = account.get();
        orders.record(repos, id, o, original.map(EmailAddress::value).orElse(manager.value()), original.isPresent() ? manager.value() : null,
                false, message.id(), now);
        return Optional.of(new Outcome(account, "payment order recorded for account " + id));
    }

    /** The best-ranked of the manager's accounts, when the evidence puts exactly one of them first. */
    private Optional<Long> pointedTo(Repositories repos, ParsedMail mail, List<Long> managed, EmailAddress sender) {
        List<Candidate> mine = search.rank(repos, mail, sender, true).ranked().stream()
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
