package app.frontdesk.application.pipeline;

import app.frontdesk.application.evidence.AccountFinder;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.ClueExtractor;
import app.frontdesk.application.evidence.Evidence;
import java.util.List;

/**
 * Ranks the accounts a stranger's message may belong to, from the evidence in it. Mail in an
 * authorized contact's name that failed verification belongs to that contact's account: the
 * question there is not whose it is but whether it is really them.
 */
public final class FindAccount implements Mailet {

    private final ClueExtractor extractor;
    private final AccountFinder finder;

    public FindAccount(ClueExtractor extractor, AccountFinder finder) {
        this.extractor = extractor;
        this.finder = finder;
    }

    @Override
    public void service(MailContext mail, String because) {
        if (!mail.contactAccounts().isEmpty()) {
            mail.candidates(new Candidates(mail.contactAccounts().stream()
                    .map(a -> new Candidate(a, 1.0, List.of(new Evidence("contact-address", mail.sender().orElseThrow().value(), 1.0))))
                    .toList()));
            return;
        }
        mail.candidates(finder.find(extractor.extract(mail.parsed(), mail.sender().orElseThrow()),
                mail.verification().passed(), mail.repositories()));
    }
}
