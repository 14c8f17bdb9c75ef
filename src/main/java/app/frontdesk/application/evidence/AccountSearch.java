package app.frontdesk.application.evidence;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.EmailAddress;

/** From a message to the accounts it may belong to: the clues in it, looked up and ranked. */
public final class AccountSearch {

    private final ClueExtractor clues;
    private final AccountFinder finder;

    public AccountSearch(ClueExtractor clues, AccountFinder finder) {
        this.clues = clues;
        this.finder = finder;
    }

    /**
     * @param sender         whose mail it is (its domain is a clue unless it is a public mail service)
     * @param domainVerified whether our mail server verified the sender's domain (an unverified domain weighs less)
     */
    public Candidates rank(Repositories repos, ParsedMail mail, EmailAddress sender, boolean domainVerified) {
        return finder.find(clues.extract(mail, sender), domainVerified, repos);
    }
}
