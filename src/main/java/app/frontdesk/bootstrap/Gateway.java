package app.frontdesk.bootstrap;

import app.frontdesk.application.Meter;
import app.frontdesk.application.instances.Admission;
import app.frontdesk.application.instances.Leadership;
import app.frontdesk.application.intake.PipelineTurn;
import app.frontdesk.infrastructure.persistence.AdvisoryLockLeadership;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ObjIntConsumer;
import java.nio.file.Path;
import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.application.mailbox.MailboxDrain;
import app.frontdesk.infrastructure.imap.ImapIntake;
import app.frontdesk.infrastructure.mail.FileMailTransport;
import app.frontdesk.infrastructure.mail.SmtpMailTransport;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.interfaces.lmtp.ClientAllowList;
import app.frontdesk.interfaces.lmtp.LmtpServer;
import java.time.Clock;
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

    /** How long the close waits for the mail in hand at the intake doors (the LMTP listener's grace before this list). */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Services services;
    private final Tokens mtaToken;
    private final Tokens adminToken;
    private final List<Worker> pipelineWorkers = new ArrayList<>();
    private final List<Worker> outboxWorkers = new ArrayList<>();
    private WorkerPool pool;
    private Leadership leadership;
    private AdvisoryLockLeadership advisoryLock;
    private Worker housekeeping;
    private volatile boolean closed;
    /** What /health/ready and /metrics read of this gateway. */
    private final GatewayHealth health;
    /** The meter every part of this gateway counts through, labelled with this instance. */
    private final Meter meter;
    /** What the LMTP listener will be, checked at construction; null when FRONTDESK_LMTP_ADDRESS is not set. */
    private final LmtpServer.Config lmtpConfig;
    private volatile LmtpServer lmtp;
    /** IMAP intake: started with the workers; its own start/stop so that leader election can switch it alone. */
    private final ImapIntake imap;
    /** HTTP, IMAP, LMTP: shut one way by the graceful stop and by the close. */
    private final IntakeDoors doors;

    public Gateway(Settings settings, Clock clock, Meter meter) {
        this.settings = settings;
        this.clock = clock;
        // counters are per instance (instance label): a survivor's routed count includes what it took over. Every door and
        // service counts through this one meter, so that lmtp_* and imap_* carry the label as inbound_* do
        this.meter = meter.labelled("instance", settings.instanceId);
        this.lmtpConfig = settings.lmtpAddress.map(address -> new LmtpServer.Config(address, lmtpClients(settings),
                settings.addresses.frontdesk().domain(), 64, 1000, Duration.ofMinutes(5))).orElse(null);
        this.database = Database.open(settings.database);
        this.health = new GatewayHealth(this, settings, clock, database);
        MailTransport transport = null;
        try {
            transport = settings.smtpConfigured()
                    ? new SmtpMailTransport(settings.smtpHost.get(), settings.smtpPort, settings.smtpUser.orElse(null),
                            settings.smtpPassword.orElse(null), settings.addresses.frontdesk().value())
                    : new FileMailTransport(settings.outboxDir());
            this.services = new Services(settings, database, clock, this.meter, transport,
                    this::wakePipeline);
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
            this.imap = new ImapIntake(settings.imap, new MailboxDrain(services.intake, database, clock, this.meter), clock, this.meter);
            this.doors = new IntakeDoors(List.of(
                    // HTTP (/api/inbound) takes mail from here on, before start(); closed, intake answers 503 and the pipe exits 75
                    new IntakeDoors.Door("HTTP", services.admission::close, limit -> awaitIdle(services.admission, limit)),
                    // IMAP: start() starts it when this instance leads
                    new IntakeDoors.Door("IMAP", imap::stopTaking, imap::awaitStopped),
                    // LMTP: the last thing start() opens; a DATA in progress is stored and answered, an unfinished one is not acknowledged
                    new IntakeDoors.Door("LMTP", () -> lmtp().ifPresent(LmtpServer::stopAccepting),
                            limit -> lmtp().map(l -> l.awaitDeliveries(limit)).orElse(true))));
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
        health.warnings().forEach(LOG::warning);
    }

    private static ClientAllowList lmtpClients(Settings settings) {
        try {
            return ClientAllowList.parse(settings.lmtpClients);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Frontdesk cannot start, the configuration is wrong:\n  - FRONTDESK_LMTP_CLIENTS: "
                    + e.getMessage());
        }
    }

    /**
     * The LMTP listener on FRONTDESK_LMTP_ADDRESS, if set; a start without it when it was asked for cannot work.
     */
    private void startLmtp(ThreadFactory threads) {
        if (lmtpConfig == null) {
            return;
        }
        try {
            lmtp = LmtpServer.start(lmtpConfig, services.intake, meter, threads);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(StartFailure.LMTP_UNAVAILABLE + lmtpConfig.address().getAddress().getHostAddress() + ":"
                    + lmtpConfig.address().getPort() + " (" + e.getMessage() + "): another process listens there, or the address is not"
                    + " this machine's; stop that one or change FRONTDESK_LMTP_ADDRESS", e);
        }
    }

    private String consoleUrl() {
        return settings.publicUrl.toString().replaceAll("/+$", "") + "/console/";
    }

    /**
     * One turn of the once-only jobs (expiry, digests, notice re-checks, task escalation): done on the leader, nothing
     * elsewhere. Its own method so that a test can turn it on two instances and see which one did the work.
     *
     * @return how much was done (0 on an instance that does not lead)
     */
    int housekeepingTurn() {
        return leadership != null && leadership.isLeader() ? services.housekeepingDue() : 0;
    }

    /**
     * Starts the pipeline and outbox workers on threads from {@code threads}.
     *
     * @param halt ends the process with one line and an exit code, for a gateway that must not go on (its
     *             embedded database file was replaced)
     */
    public void start(ThreadFactory threads, ObjIntConsumer<String> halt) {
        if (settings.database.isPostgres()) {
            advisoryLock = new AdvisoryLockLeadership(settings.database, settings.instanceId).start();
            leadership = advisoryLock;
        } else {
            leadership = Leadership.alone(settings.instanceId); // an embedded file has one gateway
        }
        for (int i = 0; i < settings.pipelineWorkers; i++) {
            int slot = i;
            // mail servers waiting on intake go first, for a bounded time (ADR 0016)
            PipelineTurn turn = new PipelineTurn(services.intake.pressure(), settings.pipelineGiveWayMillis,
                    () -> services.processor.processDue(slot, settings.pipelineWorkers));
            pipelineWorkers.add(new Worker("pipeline-" + i, () -> {
                int n;
                try {
                    n = turn.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
                if (n > 0) {
                    outboxWorkers.forEach(Worker::wake);
                }
                return n;
            }, Duration.ofSeconds(1), LINGER));
        }
        // expiry, digests, notice re-checks, task escalation: minutes matter, not milliseconds; on the leader only, so that
        // several instances do not each send the digest or escalate the task (they would lock each other's rows, then repeat)
        housekeeping = new Worker("housekeeping", this::housekeepingTurn, Duration.ofSeconds(30), LINGER);
        outboxWorkers.add(housekeeping);
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
        database.onBack(() -> all().forEach(Worker::wake)); // the database is back: no worker waits out its backoff
        leadership.addListener(new Leadership.Listener() {
            @Override
            public void elected() {
                housekeeping.wake(); // what the dead leader left due is done now, not at the next poll
                if (!doors.shutting()) {
                    imap.start(threads); // one instance reads the mailboxes: two would race to store and move each message
                }
            }

            @Override
            public void lost() {
                imap.stop(); // housekeeping's next turn asks isLeader() and does nothing
            }
        });
        if (database.embeddedFile().isPresent()) {
            pool.start(new Worker("database-file", () -> checkDatabaseFile(halt), FILE_CHECK, LINGER));
        }
        startLmtp(threads);
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

    /** Readiness and the figures /metrics reads. */
    GatewayHealth health() {
        return health;
    }

    /** Pipeline workers whose threads are alive (readiness is DOWN below {@code FRONTDESK_PIPELINE_WORKERS}). */
    int pipelineWorkersAlive() {
        return pool == null ? 0 : pool.alive("pipeline-");
    }

    /** Who leads the once-only jobs: a job with a life of its own (the mailbox poller) registers a listener here. */
    public Leadership leadership() {
        return leadership;
    }

    /** Whether a stop has begun: the doors close one by one (LMTP first), and readiness says so from the first. */
    public boolean stopping() {
        return doors.shutting();
    }

    /**
     * The graceful stop (SIGTERM): takes no new mail at any door (readiness DOWN, intake 503), waits for the mail in
     * hand at each to be answered, then lets every worker finish the batch in hand (its claims are released by its
     * own commit), and lets leadership go so that another instance takes the once-only jobs at its next check.
     *
     * @return whether everything finished within {@code limit}
     */
    public boolean drain(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<String> unfinished = doors.shut(limit.dividedBy(2));
        boolean stopped = pool == null || pool.stopAndJoin(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (advisoryLock != null) {
            advisoryLock.close();
        }
        LOG.info("Frontdesk stopped taking mail" + (unfinished.isEmpty() ? "" : " (mail still in hand at " + String.join(", ", unfinished)
                + "; " + services.admission.inFlight() + " HTTP handovers unanswered)")
                + (stopped ? "; every worker finished its batch" : "; some workers were still busy: their claims lapse by themselves"));
        return unfinished.isEmpty() && stopped;
    }

    private static boolean awaitIdle(Admission admission, Duration limit) {
        try {
            return admission.awaitIdle(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    public Settings settings() {
        return settings;
    }

    public Services services() {
        return services;
    }

    /** The LMTP listener, when one runs. */
    public Optional<LmtpServer> lmtp() {
        return Optional.ofNullable(lmtp);
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
    public synchronized void close() {
        if (closed) {
            return; // after a drain, the undeploy closes again
        }
        closed = true;
        // no delivery may start on a gateway that is closing its database; one in hand gets a few seconds (none after a drain)
        doors.shut(CLOSE_GRACE);
        if (pool != null) {
            pool.stop(); // every worker, the supervisor too
        }
        if (advisoryLock != null) {
            advisoryLock.close();
        }
        services.batches.close();
        database.close();
    }
}
