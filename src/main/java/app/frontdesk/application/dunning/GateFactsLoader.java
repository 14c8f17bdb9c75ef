package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.billing.GateFactsQuery;
import app.frontdesk.domain.model.billing.InvoiceState;
import app.frontdesk.domain.model.calendar.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the gate needs for many notices at once: one set-based read per chunk whatever its size
 * (see GateFactsQuery), so that a single check and a file of 100,000 cost the same per row in round
 * trips.
 */
public final class GateFactsLoader {

    private final ZoneId defaultZone;
    private final Duration repeatWindow;

    public GateFactsLoader(ZoneId defaultZone, Duration repeatWindow) {
        this.defaultZone = defaultZone;
        this.repeatWindow = repeatWindow;
    }

    /** Facts for each request, in order; {@code exceptNotice} leaves the notice being re-checked out of the repeat rule. */
    public List<GateFacts> load(Repositories repos, List<NoticeRequest> requests, Long exceptNotice, Instant now) {
        Set<String> numbers = new LinkedHashSet<>();
        Set<Long> accounts = new LinkedHashSet<>();
        for (NoticeRequest r : requests) {
            numbers.addAll(r.invoiceNumbers());
            accounts.add(r.accountId());
        }
        GateFactsQuery.Rows rows = repos.gateFacts().read(numbers, accounts, now.minus(repeatWindow), exceptNotice, now);
        List<GateFacts> out = new ArrayList<>(requests.size());
        for (NoticeRequest r : requests) {
            out.add(facts(r, rows));
        }
        return out;
    }

    /** Facts for one notice, in the same single read; an account that does not exist is the caller's error. */
    public GateFacts loadOne(Repositories repos, NoticeRequest request, Long exceptNotice, Instant now) {
        GateFactsQuery.Rows rows = repos.gateFacts().read(request.invoiceNumbers(), List.of(request.accountId()), now.minus(repeatWindow),
                exceptNotice, now);
        if (!rows.accounts().containsKey(request.accountId())) {
            throw new IllegalArgumentException("no account " + request.accountId());
        }
        return facts(request, rows);
    }

    private GateFacts facts(NoticeRequest r, GateFactsQuery.Rows rows) {
        Map<String, InvoiceState> mine = new HashMap<>();
        Map<String, List<Instant>> mineRecent = new HashMap<>();
        Map<String, List<Instant>> sameKind = rows.sent().getOrDefault(r.kind(), Map.of());
        for (String n : r.invoiceNumbers()) {
            InvoiceState i = rows.invoices().get(n);
            if (i != null) {
                mine.put(n, i);
            }
            List<Instant> sent = sameKind.get(n);
            if (sent != null) {
                mineRecent.put(n, sent);
            }
        }
        String[] local = rows.accounts().get(r.accountId());
        return new GateFacts(mine, rows.unallocated().getOrDefault(r.accountId(), List.of()),
                rows.evidence().getOrDefault(r.accountId(), List.of()), rows.openCases().getOrDefault(r.accountId(), List.of()),
                rows.flagged().contains(r.accountId()), mineRecent, zone(local), hours(local),
                rows.promised().getOrDefault(r.accountId(), Map.of()));
    }

    private ZoneId zone(String[] local) {
        return local == null || local[0] == null ? defaultZone : ZoneId.of(local[0]);
    }

    private static BusinessHours hours(String[] local) {
        return local == null || local[1] == null ? null : BusinessHours.parse(local[1]);
    }
}
