package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.dunning.PaymentNews;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.news.Reassurance;
import app.frontdesk.application.texts.PersonName;
import app.frontdesk.application.texts.Topic;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.PersonalManager;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Strangers who have proven they write from inside one customer's company, and what the reply may
 * then tell them (docs/unknown-senders.md, "The reply to a person of the company"). The rule, all of
 * it ({@link #accountOf}): our own mail server verified the From domain (dmarc=pass, or an aligned
 * dkim=pass, from a trusted authserv-id; FRONTDESK_SENDER_POLICY=trust-from never counts), that
 * domain or its organizational domain is registered for exactly one account and is no public mail
 * service (those never count as evidence), and that account is the case's. Anyone else gets the
 * neutral reply, the same for everyone, so that writing to us tells nobody whose customer they are.
 */
public final class Insiders {

    /**
     * What the reply says to such a person beyond the neutral explanation: their name (when it is one),
     * their subject, who was asked and told, and at most one reassuring fact. No amount, invoice or contact.
     *
     * @param colleagues how many registered contacts of the account were (or will be) asked to confirm the address
     */
    public record Insider(long accountId, String greetName, String topic, String managerName, int colleagues,
                          Optional<Reassurance> reassurance) {

        Map<String, Object> model(Locale lang) {
            Map<String, Object> m = new HashMap<>();
            m.put("greetName", greetName == null ? "" : greetName);
            m.put("topic", topic);
            m.put("personalManager", managerName == null ? false : Map.of("name", managerName));
            m.put("colleagues", colleagues == 0 ? false : Map.of("one", colleagues == 1));
            m.put("reassurance", reassurance.map(r -> (Object) r.model(lang)).orElse(false));
            return m;
        }
    }

    /** The timeline event that says the sender was answered as a person of the account's company, and what they were told. */
    public static final String ANSWERED = "answered-as-person";

    private final PaymentNews news;

    public Insiders(PaymentNews news) {
        this.news = news;
    }

    /** The account the sender has proven to write from inside of, or empty: then the reply is the neutral one. */
    public static Optional<Long> accountOf(StrangerMail mail, SupportCase c) {
        if (mail.verification().status() != Verification.Status.VERIFIED || !mail.contactAccounts().isEmpty()) {
            return Optional.empty();
        }
        // "domain" evidence is the verified From domain registered for the account; public mail services never give it
        List<Long> byDomain = mail.candidates().ranked().stream()
                .filter(k -> k.evidence().stream().anyMatch(e -> e.kind().equals("domain")))
                .map(Candidate::accountId).distinct().toList();
        if (byDomain.size() != 1 || !c.accountId().equals(Optional.of(byDomain.get(0)))) {
            return Optional.empty();
        }
        return Optional.of(byDomain.get(0));
    }

    /** The insider's reply facts, read in the decision's transaction; empty when the rule does not hold. */
    Optional<Insider> of(Repositories repos, SupportCase c, StrangerMail mail) {
        return accountOf(mail, c).flatMap(id -> repos.accounts().find(id)).map(account -> new Insider(account.id(),
                greetName(mail.parsed().from().get(0).displayName(), account).orElse(null), Topic.of(mail.parsed().subject()),
                account.manager().map(PersonalManager::name).orElse(null), account.contacts().size(),
                news.beforeOurAnswer(repos, account.id(), mail.now())));
    }

    /** A person's name from the display name, unless it is (part of) the company's own name: "Ромашка" greets nobody. */
    static Optional<String> greetName(String displayName, Account account) {
        List<String> company = Arrays.asList(account.name().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
        return PersonName.of(displayName).filter(n -> Arrays.stream(n.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .noneMatch(w -> w.length() > 2 && company.contains(w)));
    }
}
