package app.frontdesk.application.evidence;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.verification.OrganizationalDomain;
import app.frontdesk.domain.model.account.EvidenceIndex;
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
 * Looks clues up and ranks the accounts they point to: one statement per message whatever the number
 * of accounts, three index probes (references by value, domains, our sent mail by Message-ID).
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
        Set<String> domains = new LinkedHashSet<>();
        if (clues.senderDomain() != null) {
            domains.add(clues.senderDomain());
            domains.add(OrganizationalDomain.of(clues.senderDomain()));
        }
        Set<String> values = new LinkedHashSet<>();
        clues.references().values().forEach(values::addAll);
        String domainKind = domainVerified ? "domain" : "unverified-domain";
        for (EvidenceIndex.Hit hit : repos.evidence().find(values, domains, clues.repliedTo())) {
            switch (hit.source()) {
                case "domain" -> add(byAccount, hit.accountId(), new Evidence(domainKind, hit.value(), WEIGHTS.get(domainKind)));
                case "sent-mail" -> add(byAccount, hit.accountId(), new Evidence("reply-to-our-mail", hit.value(), WEIGHTS.get("reply-to-our-mail")));
                default -> {
                    ReferenceKind kind = ReferenceKind.valueOf(hit.kind());
                    // the value must have been found as this kind: an invoice number is no phone number
                    if (clues.references().getOrDefault(kind, Set.of()).contains(hit.value())) {
                        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
                        add(byAccount, hit.accountId(), new Evidence(name, hit.value(), WEIGHTS.get(name)));
                    }
                }
            }
        }
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
