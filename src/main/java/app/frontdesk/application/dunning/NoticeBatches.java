package app.frontdesk.application.dunning;

import app.frontdesk.application.ImportRefused;
import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.accounts.CsvAccountImport;
import app.frontdesk.application.ImportProblem;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeBatch;
import app.frontdesk.domain.model.billing.NoticeBatchInput;
import app.frontdesk.domain.model.billing.NoticeDecision;
import app.frontdesk.domain.model.billing.NoticeKind;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A file of planned notices checked in the background: billing uploads CSV
 * ({@code account_id,kind,invoices,amount,currency,planned_at}, invoices separated by ';') or a JSON
 * array of check requests, gets a batch id at once, follows the progress, and reads the verdict
 * table. Every line is checked on upload (bad lines are reported with their numbers, nothing is
 * queued); rows are decided in chunks, each chunk's decisions committed together with the progress.
 */
public final class NoticeBatches {

    static final List<String> COLUMNS = List.of("account_id", "kind", "invoices", "amount", "currency", "planned_at");
    static final int CHUNK = 1000;

    private final Transactions transactions;
    private final Clock clock;
    private final NoticeDesk desk;
    /** Decoded rows of the batches being worked on: the upload is decoded once, not once per chunk. */
    private final Map<Long, List<NoticeRequest>> decoded = new ConcurrentHashMap<>();
    /**
     * The facts of the next chunk, read on a second thread while this one decides and stores the
     * current chunk: reading facts is database work and deciding is ours, so on two cores they
     * overlap instead of taking turns. Facts read a few milliseconds early are no less true than
     * facts read at the start of a long chunk, and every notice is checked again before it is sent.
     */
    private volatile Ahead ahead;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notice-batch-facts");
        t.setDaemon(true);
        return t;
    });

    private record Ahead(long batch, int from, CompletableFuture<List<GateFacts>> facts) {
    }

    public NoticeBatches(Transactions transactions, Clock clock, NoticeDesk desk) {
        this.transactions = transactions;
        this.clock = clock;
        this.desk = desk;
    }

    public long submit(List<NoticeRequest> rows) {
        StringBuilder lines = new StringBuilder(rows.size() * 64);
        for (NoticeRequest r : rows) {
            BatchLine.write(r, lines);
        }
        byte[] input = lines.toString().getBytes(StandardCharsets.UTF_8);
        return transactions.inTransaction(repos -> {
            NoticeBatch b = new NoticeBatch(rows.size(), clock.instant());
            repos.billing().add(b);
            repos.billing().add(new NoticeBatchInput(b.id(), input));
            return b.id();
        });
    }

    /** Decides the next chunk of the oldest waiting batch; answers the rows decided (0: nothing waits). */
    public int runDue() {
        return transactions.inTransaction(repos -> {
            var claimed = repos.billing().claimQueuedBatch();
            if (claimed.isEmpty()) {
                return 0;
            }
            NoticeBatch b = claimed.get();
            Instant now = clock.instant();
            // a chunk and its progress commit together: lost together in a crash, and then simply redone
            repos.billing().commitWithoutWaitingForDisk();
            List<NoticeRequest> all = decoded.computeIfAbsent(b.id(), id -> decode(repos.billing().batchInput(id), now));
            int from = b.done();
            int to = Math.min(b.total(), from + CHUNK);
            List<NoticeRequest> chunk = all.subList(from, to);
            List<GateFacts> facts = factsReadAhead(b.id(), from);
            if (facts == null) {
                facts = desk.loader().load(repos, chunk, null, now);
            }
            if (to < b.total()) {
                readAhead(b.id(), all.subList(to, Math.min(b.total(), to + CHUNK)), to, now);
            }
            List<NoticeDecision> decisions = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                GateDecision d = desk.gate().decide(chunk.get(i), facts.get(i), now);
                decisions.add(NoticeDesk.record(null, chunk.get(i), d, facts.get(i), "batch", now).inBatch(b.id(), from + i + 1));
            }
            repos.billing().addAll(decisions);
            b.progressed(chunk.size(), now);
            if (b.state() != NoticeBatch.State.QUEUED) {
                decoded.remove(b.id());
            }
            return chunk.size();
        });
    }

    /** Stops the read-ahead thread (on undeploy: a redeployed application starts its own). */
    public void close() {
        reader.shutdownNow();
    }

    private List<GateFacts> factsReadAhead(long batch, int from) {
        Ahead a = ahead;
        ahead = null;
        if (a == null || a.batch() != batch || a.from() != from) {
            return null;
        }
        try {
            return a.facts().join();
        } catch (CompletionException e) {
            return null; // read again in this transaction; its error, if it persists, is this chunk's
        }
    }

    private void readAhead(long batch, List<NoticeRequest> next, int from, Instant now) {
        ahead = new Ahead(batch, from, CompletableFuture.supplyAsync(
                () -> transactions.inTransaction(repos -> desk.loader().load(repos, next, null, now)), reader));
    }

    private static List<NoticeRequest> decode(byte[] input, Instant now) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n");
        List<NoticeRequest> out = new ArrayList<>(lines.length);
        Map<String, Instant> times = new HashMap<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                out.add(line.startsWith("{") ? decodeJsonLine(line, now) : BatchLine.read(line, now, times));
            }
        }
        return out;
    }

    /** The JSON lines that batches queued before V5 were stored in. */
    private static NoticeRequest decodeJsonLine(String line, Instant now) {
        JsonObject o = JsonFactories.READERS.createReader(new StringReader(line)).readObject();
        List<String> invoices = o.getJsonArray("i").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        String p = o.getString("p");
        return new NoticeRequest(o.getJsonNumber("a").longValue(), NoticeKind.valueOf(o.getString("k")), invoices,
                Money.of(o.getString("m"), o.getString("c")), p.isEmpty() ? now : Instant.parse(p));
    }

    /** Parses an upload: a JSON array of check requests, or CSV with the header {@link #COLUMNS}. */
    public static List<NoticeRequest> parse(String body) throws ImportRefused {
        String text = body.strip();
        return text.startsWith("[") ? parseJson(text) : parseCsv(body);
    }

    static List<NoticeRequest> parseCsv(String csv) throws ImportRefused {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        CsvAccountImport.split(csv, rows, lines, problems);
        if (rows.isEmpty() || !rows.get(0).stream().map(String::strip).toList().equals(COLUMNS)) {
            problems.add(0, new ImportProblem(1, "the first line must be the header " + String.join(",", COLUMNS)));
        }
        List<NoticeRequest> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                problems.add(new ImportProblem(lines.get(i), "expected " + COLUMNS.size() + " fields, found " + row.size()));
                continue;
            }
            try {
                out.add(new NoticeRequest(Long.parseLong(row.get(0).strip()), kind(row.get(1)),
                        Arrays.stream(row.get(2).split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                        Money.of(row.get(3), row.get(4)), row.get(5).isBlank() ? null : OffsetDateTime.parse(row.get(5).strip()).toInstant()));
            } catch (NumberFormatException e) {
                problems.add(new ImportProblem(lines.get(i), "account_id or amount is not a number"));
            } catch (DateTimeParseException e) {
                problems.add(new ImportProblem(lines.get(i), "planned_at must be a date-time with offset, such as 2026-11-21T10:00:00+03:00"));
            } catch (IllegalArgumentException e) {
                problems.add(new ImportProblem(lines.get(i), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        if (out.isEmpty()) {
            throw new ImportRefused(List.of(new ImportProblem(1, "the file holds no notices")));
        }
        return out;
    }

    static List<NoticeRequest> parseJson(String json) throws ImportRefused {
        JsonArray array;
        try {
            array = JsonFactories.READERS.createReader(new StringReader(json)).readArray();
        } catch (RuntimeException e) {
            throw new ImportRefused(List.of(new ImportProblem(0, "not valid JSON: " + e.getMessage())));
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<NoticeRequest> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                JsonObject o = array.getJsonObject(i);
                List<String> invoices = o.getJsonArray("invoices").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
                JsonValue planned = o.get("plannedAt");
                out.add(new NoticeRequest(((JsonNumber) o.get("accountId")).longValueExact(), kind(o.getString("kind")), invoices,
                        Money.of(o.get("amount") instanceof JsonNumber n ? n.bigDecimalValue().toPlainString() : o.getString("amount"),
                                o.getString("currency")),
                        planned == null || planned == JsonValue.NULL ? null : OffsetDateTime.parse(((JsonString) planned).getString()).toInstant()));
            } catch (RuntimeException e) {
                problems.add(new ImportProblem(i + 1, "record " + (i + 1) + ": " + (e.getMessage() == null ? e.toString() : e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefused(problems);
        }
        return out;
    }

    private static NoticeKind kind(String v) {
        try {
            return NoticeKind.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be REMINDER, FINAL or SUSPENSION (was \"" + v + "\")");
        }
    }
}
