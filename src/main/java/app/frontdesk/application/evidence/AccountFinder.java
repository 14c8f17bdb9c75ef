package app.frontdesk.application.evidence;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.verification.OrganizationalDomain;
import app.frontdesk.domain.model.account.AccountReference;
import app.frontdesk.domain.model.account.ReferenceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Looks clues up and ranks the accounts they point to. Three indexed queries per message, whatever
 * the number of accounts: references by value, domains, and our sent mail by Message-ID.
 *
 * <p>Confidence combines independent evidence as 1 - (1 - w1)(1 - w2)...; each kind counts once
 * per account (three invoice numbers of one account are not three times the evidence).
 */
public final class AccountFinder {

    /** How much one fact alone says. A reply to our own mail is nearly proof; a name is a hint. */
    static final Map<String, Double> WEIGHTS = Map.ofEntries(
            Map.entry("reply-to-our-mail", 0.9),
            Map.entry("inn", 0.8),
            Map.entry("domain", 0.7),
            Map.entry("unverified-domain", 0.4),
            Map.entry("invoice", 0.7),
            Map.entry("contract", 0.7),
            Map.entry("account-number", 0.7),
            Map.entry("kpp", 0.3),
            Map.entry("phone", 0.5),
            Map.entry("name", 0.4));

    public Candidates find(Clues clues, boolean domainVerified, Repositories repos) {
        Map<Long, Map<String, Evidence>> byAccount = new HashMap<>();
        if (clues.senderDomain() != null) {
            Set<String> domains = new LinkedHashSet<>(List.of(clues.senderDomain(), OrganizationalDomain.of(clues.senderDomain())));
            String kind = domainVerified ? "domain" : "unverified-domain";
            repos.accounts().accountsWithDomains(domains).forEach((domain, accounts) ->
                    accounts.forEach(a -> add(byAccount, a, new Evidence(kind, domain, WEIGHTS.get(kind)))));
        }
        Set<String> values = new LinkedHashSet<>();
        clues.references().values().forEach(values::addAll);
        Map<ReferenceKind, Set<String>> wanted = clues.references();
        for (AccountReference r : repos.accounts().referencesWithValues(values)) {
            if (wanted.getOrDefault(r.kind(), Set.of()).contains(r.value())) {
                String kind = r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
                add(byAccount, r.accountId(), new Evidence(kind, r.value(), WEIGHTS.get(kind)));
            }
        }
        repos.outbox().accountsOfSentMail(clues.repliedTo()).forEach((messageId, account) ->
                add(byAccount, account, new Evidence("reply-to-our-mail", messageId, WEIGHTS.get("reply-to-our-mail"))));
        List<Candidate> ranked = new ArrayList<>();
        byAccount.forEach((account, evidence) -> {
            double doubt = 1;
            for (Evidence e : evidence.values()) {
                doubt *= 1 - e.weight();
            }
            List<Evidence> list = new ArrayList<>(evidence.values());
            list.sort(Comparator.comparingDouble(Evidence::weight).reversed());
            ranked.add(new Candidate(account, 1 - doubt, list));
        });
        ranked.sort(Comparator.comparingDouble(Candidate::confidence).reversed().thenComparingLong(Candidate::accountId));
        return new Candidates(ranked);
    }

    private static void add(Map<Long, Map<String, Evidence>> byAccount, long account, Evidence e) {
        byAccount.computeIfAbsent(account, a -> new HashMap<>()).merge(e.kind(), e, (old, neu) -> old.weight() >= neu.weight() ? old : neu);
    }
}
