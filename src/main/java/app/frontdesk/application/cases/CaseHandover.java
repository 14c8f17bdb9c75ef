package app.frontdesk.application.cases;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Handing a case to a colleague: who may, to whom, and the mail that tells the colleague (see {@link CaseStaffTexts#handedOver}). */
public final class CaseHandover {

    private final Transactions transactions;
    private final Clock clock;
    private final CaseStaffTexts texts;

    public CaseHandover(Transactions transactions, Clock clock, CaseStaffTexts texts) {
        this.transactions = transactions;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * A lead (or an administrator) hands a case to a colleague, who is told by mail and from then on sees
     * and acts on it. Empty when the viewer may not, or the case is not theirs to see.
     *
     * @throws IllegalArgumentException when the colleague is not a staff member who can sign in
     */
    public Optional<SupportCase> handOverAs(Viewer viewer, long caseId, String to, String note) {
        if (!viewer.seesAllCases()) {
            return Optional.empty();
        }
        return transactions.inTransaction(repos -> {
            var colleague = repos.staff().findByEmail(to == null ? "" : to).filter(u -> !u.disabled())
                    .orElseThrow(() -> new IllegalArgumentException("no colleague signs in as " + to));
            return repos.cases().lock(caseId).map(c -> {
                Instant now = clock.instant();
                c.handOver(colleague.email(), viewer.email(), note, now);
                repos.audit().record(new AuditEvent(now, viewer.email(), "case-handed-over", "case", c.id(), "to " + colleague.email()));
                Optional<Account> account = c.accountId().flatMap(id -> repos.accounts().find(id));
                repos.outbox().add(texts.handedOver(c, colleague.email(), colleague.displayName(), colleague.locale(), viewer.displayName(),
                        note, account.map(Account::name).orElse(null), now));
                return c;
            });
        });
    }
}
