package app.frontdesk.bootstrap;

import app.frontdesk.application.Meter;
import app.frontdesk.application.health.Readiness;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.outbox.OutboxState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import java.util.logging.Level;
import java.nio.file.Path;
import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.application.mailbox.MailboxDrain;
import app.frontdesk.infrastructure.imap.ImapIntake;
import app.frontdesk.infrastructure.mail.FileMailTransport;
import app.frontdesk.infrastructure.mail.SmtpMailTransport;
import app.frontdesk.infrastructure.persistence.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * The running gateway: every service wired once from the settings, and the worker threads.
 * Plain Java, so that tests start the same object the server starts (see {@link GatewayLifecycle}).
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    /** How long a woken worker waits for more work to batch: small next to mail latency, large next to a commit. */
    private static final Duration LINGER = Duration.ofMillis(20);

    /** How often the embedded database file is looked at (one stat call): mail acknowledged in between is rescued. */
    private static final Duration FILE_CHECK = Duration.ofSeconds(5);

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Services services;
    private final Tokens mtaToken;
    private final Tokens adminToken;
    private final List<Worker> pipelineWorkers = new ArrayList<>();
    private final List<Worker> outboxWorkers = new ArrayList<>();
    private WorkerPool pool;
    /** IMAP intake: started with the workers; its own start/stop so that leader election can switch it alone. */
    private final ImapIntake imap;

    public Gateway(Settings settings, Clock clock, Meter meter) {
        this.settings = settings;
        this.clock = clock;
        this.database = Database.open(settings.database);
        MailTransport transport = null;
        try {
            transport = settings.smtpConfigured()
                    ? new SmtpMailTransport(settings.smtpHost.get(), settings.smtpPort, settings.smtpUser.orElse(null),
                            settings.smtpPassword.orElse(null), settings.addresses.frontdesk().value())
                    : new FileMailTransport(settings.outboxDir());
            this.services = new Services(settings, database, clock, meter, transport, this::wakePipeline);
            this.mtaToken = Tokens.of(settings.mtaToken, settings.dataDir.resolve("secrets"), "mta");
            this.adminToken = Tokens.of(settings.adminToken, settings.dataDir.resolve("secrets"), "admin");
            // Demo accounts go only into an embedded file this start created: a database found empty later may have lost
            // its rows, and quietly refilling it would hide that (issue 13, the reopened-at-V1 replay).
            if (settings.demoData && (database.createdNow() || settings.database.isPostgres())) {
                DemoData.loadIfEmpty(database, services.accounts);
            } else if (settings.demoData && database.inTransaction(r -> r.accounts().count()) == 0) {
                LOG.warning("the embedded database has no accounts but was not created by this start: no demo data is loaded into it");
            }
            services.staff.ensureFirstAdmin(settings.addresses.admin().value(), settings.adminPassword, settings.dataDir.resolve("secrets"),
                    settings.staffLocale).ifPresent(password -> LOG.info("Console: sign in at " + consoleUrl() + " as "
                    + settings.addresses.admin().value() + " with the password " + password
                    + " (shown once; also in " + settings.dataDir.resolve("secrets/admin-password") + ")"));
            this.imap = new ImapIntake(settings.imap, new MailboxDrain(services.intake, database, clock, meter), clock, meter);
            int again = services.decideWhatWaitedForConfiguration();
            if (again > 0) {
                LOG.info(again + " messages held while senders could not be verified are decided again now");
            }
        } catch (RuntimeException | Error e) {
            database.close(); // a failed start must not keep the embedded database locked
            throw e;
        }
        LOG.info("Frontdesk gateway ready: database " + (settings.database.isPostgres() ? "PostgreSQL" : "H2")
                + ", outgoing mail via " + transport + ", pipeline " + services.pipeline.describe()
                + ", sender policy " + settings.senderPolicy + " trusting " + settings.trustedAuthservIds
                + ", templates from " + settings.templatesDir
                + (settings.imap.enabled() ? ", IMAP mailboxes " + settings.imap.mailboxes() : ""));
        warnings().forEach(LOG::warning);
    }

    private String consoleUrl() {
        return settings.publicUrl.toString().replaceAll("/+$", "") + "/console/";
    }

    /**
     * Starts the pipeline and outbox workers on threads from {@code threads}.
     *
     * @param halt ends the process with one line and an exit code, for a gateway that must not go on (its
     *             embedded database file was replaced)
     */
    public void start(ThreadFactory threads, ObjIntConsumer<String> halt) {
        for (int i = 0; i < settings.pipelineWorkers; i++) {
            int slot = i;
            pipelineWorkers.add(new Worker("pipeline-" + i, () -> {
                int n = services.processor.processDue(slot, settings.pipelineWorkers);
                if (n > 0) {
                    outboxWorkers.forEach(Worker::wake);
                }
                return n;
            }, Duration.ofSeconds(1), LINGER));
        }
        // expiry and digests: minutes matter, not milliseconds
        outboxWorkers.add(new Worker("housekeeping", services::housekeepingDue, Duration.ofSeconds(30), LINGER));
        // uploaded notice files: one chunk per turn, so progress shows and other work is not starved
        outboxWorkers.add(new Worker("notice-batches", services.batches::runDue, Duration.ofSeconds(1), LINGER));
        for (int i = 0; i < settings.outboxWorkers; i++) {
            outboxWorkers.add(new Worker("outbox-" + i, services.dispatcher::dispatchDue, Duration.ofSeconds(1), LINGER));
        }
        pool = new WorkerPool(threads);
        all().forEach(pool::start);
        // the watcher of the others: a worker whose thread died is running again within a second
        pool.start(new Worker("supervisor", () -> {
            pool.supervise();
            return 0;
        }, Duration.ofSeconds(1), LINGER));
        imap.start(threads);
        if (database.embeddedFile().isPresent()) {
            pool.start(new Worker("database-file", () -> checkDatabaseFile(halt), FILE_CHECK, LINGER));
        }
    }

    /**
     * Stops the gateway when its embedded database file is no longer at its path: everything it acknowledged
     * from then on would be in a file nobody opens again (the reopened-at-V1 replay, issue 13). The open
     * database is copied first; the restart opens the file now at the path, and the mail server sends again
     * what was not acknowledged.
     */
    private int checkDatabaseFile(ObjIntConsumer<String> halt) {
        database.fileReplaced().ifPresent(what -> {
            Path file = database.embeddedFile().orElseThrow();
            String rescued;
            try {
                Path zip = database.rescue();
                rescued = "everything this gateway stored is in " + zip + "; a restart opens the file now at that path: to go on from"
                        + " the rescued copy instead, stop Frontdesk, unzip it into " + file.getParent() + " and start again";
            } catch (RuntimeException e) {
                rescued = "its copy could not be written (" + e.getMessage() + "); a restart opens the file now at that path";
            }
            halt.accept("the embedded database file " + file + " " + what + " while this gateway had it open; " + rescued,
                    StartFailure.UNAVAILABLE);
        });
        return 0;
    }

    /** Pipeline workers whose threads are alive (readiness is DOWN below {@code FRONTDESK_PIPELINE_WORKERS}). */
    int pipelineWorkersAlive() {
        return pool == null ? 0 : pool.alive("pipeline-");
    }

    /**
     * Why the gateway is not ready, in words (empty: ready): it accepts mail but would not decide it.
     *
     * @param oldestWaitingSeconds how long the longest-waiting undecided message has waited
     */
    List<String> notReady(long oldestWaitingSeconds) {
        List<String> problems = new ArrayList<>(settings.configurationGaps());
        int alive = pipelineWorkersAlive();
        if (alive < settings.pipelineWorkers) {
            problems.add(alive + " of " + settings.pipelineWorkers + " pipeline workers running");
        }
        if (oldestWaitingSeconds > settings.readyMaxWait.toSeconds()) {
            problems.add("a message has waited " + oldestWaitingSeconds + " s for the pipeline (limit " + settings.readyMaxWait.toSeconds() + " s)");
        }
        return problems;
    }

    /**
     * The readiness report: DOWN when workers are missing or a message waited too long, or when the
     * database does not answer; with the backlog figures either way.
     */
    public Readiness.Report readiness() {
        Optional<String> replaced = database.fileReplaced();
        if (replaced.isPresent()) {
            // no transaction: after the rescue none is taken any more, and the gateway is about to end
            String problem = "the embedded database file " + database.embeddedFile().orElseThrow() + " " + replaced.get() + "; the gateway stops";
            return new Readiness.Report(List.of(problem), List.of(), Map.of("database", "h2"));
        }
        try {
            Instant now = clock.instant();
            long[] counts = database.inTransaction(r -> new long[] {
                r.inbound().countInState(InboundState.RECEIVED), r.inbound().countInState(InboundState.HELD),
                r.inbound().countInState(InboundState.QUARANTINED), r.outbox().countInState(OutboxState.PENDING),
                r.outbox().countInState(OutboxState.FAILED),
                r.inbound().oldestWaiting().map(t -> Duration.between(t, now).toSeconds()).orElse(0L)});
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("pipelineWorkers", pipelineWorkersAlive());
            data.put("oldestWaitingSeconds", counts[5]);
            data.put("workersReplaced", workersReplaced());
            data.put("database", settings.database.isPostgres() ? "postgresql" : "h2");
            data.put("senderPolicy", settings.senderPolicy.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            data.put("inboundWaiting", counts[0]);
            data.put("inboundHeld", counts[1]);
            data.put("inboundQuarantined", counts[2]);
            data.put("outboxBacklog", counts[3]);
            data.put("outboxFailed", counts[4]);
            data.putAll(imap.states());
            List<String> warnings = warnings();
            warnings.addAll(imap.problems());
            return new Readiness.Report(notReady(counts[5]), warnings, data);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "readiness check failed", e);
            return new Readiness.Report(List.of("database unreachable"), List.of(), Map.of());
        }
    }

    /** Worker threads started again after they died, since start. */
    long workersReplaced() {
        return pool == null ? 0 : pool.replaced();
    }

    private List<Worker> all() {
        List<Worker> all = new ArrayList<>(pipelineWorkers);
        all.addAll(outboxWorkers);
        return all;
    }

    private void wakePipeline() {
        pipelineWorkers.forEach(Worker::wake);
    }

    /** What /health/ready and the start-up log warn about today (in the gateway's time zone). */
    List<String> warnings() {
        List<String> w = new ArrayList<>(settings.warnings(LocalDate.now(clock.withZone(settings.timeZone))));
        services.refusedDeliveries.warning().ifPresent(w::add);
        return w;
    }

    public Settings settings() {
        return settings;
    }

    public Services services() {
        return services;
    }

    /** IMAP intake, for whoever decides where it runs (start/stop). */
    public ImapIntake imap() {
        return imap;
    }

    public Tokens mtaToken() {
        return mtaToken;
    }

    public Tokens adminToken() {
        return adminToken;
    }

    @Override
    public void close() {
        imap.stop();
        if (pool != null) {
            pool.stop(); // every worker, the supervisor too
        }
        services.batches.close();
        database.close();
    }
}
