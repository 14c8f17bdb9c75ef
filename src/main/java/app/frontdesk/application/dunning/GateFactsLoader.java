package app.frontdesk.application.dunning;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.billing.InvoiceStatus;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import app.frontdesk.domain.model.calendar.BusinessHours;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the gate needs for many notices at once: a fixed number of set-based, indexed queries
 * per chunk whatever its size (invoices, allocations, unallocated payments, payment orders, open
 * cases, recent notices, time zones), so that a single check and a file of 100,000 cost the same per
 * row in round trips.
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
        Map<NoticeKind, Set<String>> numbersByKind = new EnumMap<>(NoticeKind.class);
        for (NoticeRequest r : requests) {
            numbers.addAll(r.invoiceNumbers());
            accounts.add(r.accountId());
            numbersByKind.computeIfAbsent(r.kind(), k -> new LinkedHashSet<>()).addAll(r.invoiceNumbers());
        }
        Map<String, InvoiceState> invoices = new HashMap<>();
        for (Object[] row : repos.billing().invoiceStates(numbers)) {
            Currency currency = Currency.getInstance(((String) row[3]).strip());
            invoices.put((String) row[0], new InvoiceState((String) row[0], ((Number) row[1]).longValue(), money((BigDecimal) row[2], currency),
                    InvoiceStatus.valueOf((String) row[4]), date(row[5]), money((BigDecimal) row[6], currency)));
        }
        Map<Long, List<Money>> unallocated = repos.billing().unallocatedRemainders(accounts);
        var evidence = repos.billing().unconfirmedEvidence(accounts);
        Map<Long, List<String>> cases = repos.cases().openCaseReferences(accounts);
        Map<Long, String[]> local = repos.billing().localTimes(accounts);
        Set<Long> flagged = repos.care().flagged(accounts);
        Map<NoticeKind, Map<String, List<Instant>>> recent = new EnumMap<>(NoticeKind.class);
        numbersByKind.forEach((kind, nums) -> recent.put(kind, repos.billing().sentSince(nums, kind, now.minus(repeatWindow), exceptNotice)));

        List<GateFacts> out = new ArrayList<>(requests.size());
        for (NoticeRequest r : requests) {
            Map<String, InvoiceState> mine = new HashMap<>();
            Map<String, List<Instant>> mineRecent = new HashMap<>();
            for (String n : r.invoiceNumbers()) {
                InvoiceState i = invoices.get(n);
                if (i != null) {
                    mine.put(n, i);
                }
                List<Instant> sent = recent.getOrDefault(r.kind(), Map.of()).get(n);
                if (sent != null) {
                    mineRecent.put(n, sent);
                }
            }
            out.add(new GateFacts(mine, unallocated.getOrDefault(r.accountId(), List.of()),
                    evidence.getOrDefault(r.accountId(), List.of()), cases.getOrDefault(r.accountId(), List.of()),
                    flagged.contains(r.accountId()), mineRecent,
                    zone(local.get(r.accountId())), hours(local.get(r.accountId()))));
        }
        return out;
    }

    private ZoneId zone(String[] local) {
        return local == null || local[0] == null ? defaultZone : ZoneId.of(local[0]);
    }

    private static BusinessHours hours(String[] local) {
        return local == null || local[1] == null ? null : BusinessHours.parse(local[1]);
    }

    /** A stored NUMERIC at the currency's scale (the column holds four decimals). */
    private static Money money(BigDecimal stored, Currency currency) {
        return new Money(stored.setScale(Math.max(currency.getDefaultFractionDigits(), 0), java.math.RoundingMode.UNNECESSARY), currency);
    }

    private static java.time.LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
    }
}
