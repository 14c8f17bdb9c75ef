package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.billing.Notice;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.billing.PaymentEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What staff should know of an account's dunning when someone of the customer's writes: the payment
 * orders on file that no bank payment has confirmed yet, and the notices waiting, held or recently
 * blocked, each with why. For staff only: it names numbers and amounts, which customers are never
 * told this way (see {@link PaymentNews} for what they may hear).
 *
 * @param orders  unconfirmed payment orders, newest first
 * @param notices notices not sent, newest first, at most {@value #MAX_NOTICES}
 */
public record DunningBrief(List<PaymentEvidence> orders, List<NoticeFacts> notices) {

    static final int MAX_NOTICES = 3;
    /** A blocked notice is still worth telling for this long. */
    static final Duration RECENT = Duration.ofDays(30);
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    /** A notice and the reason codes of the gate's latest decision on it. */
    public record NoticeFacts(Notice notice, Set<String> codes) {
    }

    public boolean isEmpty() {
        return orders.isEmpty() && notices.isEmpty();
    }

    /** Read in the caller's transaction. */
    public static DunningBrief of(Repositories repos, long accountId, Instant now) {
        List<PaymentEvidence> orders = repos.billing().unconfirmedEvidence(accountId).stream()
                .sorted(Comparator.comparing(PaymentEvidence::receivedAt).reversed()).toList();
        List<NoticeFacts> notices = repos.billing().notices(accountId, List.of(NoticeState.SCHEDULED, NoticeState.HELD, NoticeState.QUEUED,
                        NoticeState.BLOCKED)).stream()
                .filter(n -> n.state() != NoticeState.BLOCKED || n.updatedAt().isAfter(now.minus(RECENT)))
                .sorted(Comparator.comparing(Notice::id).reversed()).limit(MAX_NOTICES)
                .map(n -> new NoticeFacts(n, codes(repos, n))).toList();
        return new DunningBrief(orders, notices);
    }

    private static Set<String> codes(Repositories repos, Notice n) {
        List<NoticeDecision> decisions = repos.billing().decisions(n.id());
        if (decisions.isEmpty()) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        CODE.matcher(decisions.get(decisions.size() - 1).reasons()).results().forEach(m -> codes.add(m.group(1)));
        return codes;
    }
}
