package app.frontdesk.bootstrap;

import app.frontdesk.application.health.Backlog;
import app.frontdesk.application.health.BacklogReads;
import app.frontdesk.application.health.Figures;
import app.frontdesk.application.health.Readiness;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.interfaces.lmtp.LmtpServer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the running gateway reports about itself: the readiness that /health/ready answers (whether it would
 * decide the mail it accepts, and why not) and the figures /metrics reads besides its counters. Read from the
 * gateway's workers, listeners and database as they are at the moment of asking.
 */
final class GatewayHealth implements Figures {

    private static final Logger LOG = Logger.getLogger(GatewayHealth.class.getName());

    private final Gateway gateway;
    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final BacklogReads backlog;

    GatewayHealth(Gateway gateway, Settings settings, Clock clock, Database database) {
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
        this.database = database;
        this.backlog = new BacklogReads(database::backlog, clock);
    }

    /**
     * The readiness report: DOWN when workers are missing or a message waited too long, when the database does
     * not answer, or while the gateway stops; a warning when the oldest waiting message or mail is older than
     * {@code FRONTDESK_BACKLOG_WARN_SECONDS}; with the backlog figures (one snapshot) either way.
     */
    Readiness.Report readiness() {
        Optional<String> replaced = database.fileReplaced();
        if (replaced.isPresent()) {
            // no transaction: after the rescue none is taken any more, and the gateway is about to end
            String problem = "the embedded database file " + database.embeddedFile().orElseThrow() + " " + replaced.get() + "; the gateway stops";
            return new Readiness.Report(List.of(problem), List.of(), Map.of("database", "h2"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("instance", settings.instanceId);
        data.put("leader", leader() ? "yes" : "no");
        // the doors close LMTP first and HTTP last: from the first, the reason is the stop, not a listener that went away
        if (gateway.stopping() || !gateway.services().admission.open()) {
            return new Readiness.Report(List.of("shutting down: no new mail is taken"), List.of(), data);
        }
        Backlog b;
        try {
            b = backlog.now();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "readiness check failed", e);
            data.put("databaseUnreachableSeconds", database.unavailableSeconds());
            return new Readiness.Report(List.of("database unreachable"), List.of(), data);
        }
        Optional<LmtpServer> lmtp = gateway.lmtp();
        data.put("pipelineWorkers", gateway.pipelineWorkersAlive());
        data.put("oldestWaitingSeconds", b.oldestWaitingSeconds());
        data.put("oldestOutboxSeconds", b.oldestOutboxSeconds());
        data.put("workersReplaced", gateway.workersReplaced());
        data.put("database", settings.database.isPostgres() ? "postgresql" : "h2");
        data.put("lmtp", lmtp.map(LmtpServer::state).orElse(settings.lmtpAddress.isPresent() ? "not started" : "off"));
        data.put("senderPolicy", settings.senderPolicy.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        data.put("inboundWaiting", b.inboundWaiting());
        data.put("inboundHeld", b.inboundHeld());
        data.put("inboundQuarantined", b.inboundQuarantined());
        data.put("outboxBacklog", b.outboxPending());
        data.put("outboxFailed", b.outboxFailed());
        data.putAll(gateway.imap().states());
        List<String> warnings = warnings();
        warnings.addAll(gateway.imap().problems());
        long limit = settings.backlogWarn.toSeconds();
        if (b.oldestWaitingSeconds() > limit) {
            warnings.add("the oldest message waiting for the pipeline has waited " + b.oldestWaitingSeconds() + " s (FRONTDESK_BACKLOG_WARN_SECONDS "
                    + limit + ")");
        }
        if (b.oldestOutboxSeconds() > limit) {
            warnings.add("the oldest mail waiting to be sent has waited " + b.oldestOutboxSeconds() + " s (FRONTDESK_BACKLOG_WARN_SECONDS " + limit
                    + "): is the SMTP relay refusing or away?");
        }
        return new Readiness.Report(notReady(b.oldestWaitingSeconds(), lmtp), warnings, data);
    }

    /**
     * Why the gateway is not ready, in words (empty: ready): it accepts mail but would not decide it.
     *
     * @param oldestWaitingSeconds how long the longest-waiting undecided message has waited
     */
    private List<String> notReady(long oldestWaitingSeconds, Optional<LmtpServer> lmtp) {
        List<String> problems = new ArrayList<>(settings.configurationGaps());
        int alive = gateway.pipelineWorkersAlive();
        if (alive < settings.pipelineWorkers) {
            problems.add(alive + " of " + settings.pipelineWorkers + " pipeline workers running");
        }
        if (settings.lmtpAddress.isPresent() && (lmtp.isEmpty() || !lmtp.get().healthy())) {
            problems.add("the LMTP listener is not accepting: " + lmtp.map(LmtpServer::state).orElse("not started"));
        }
        if (oldestWaitingSeconds > settings.readyMaxWait.toSeconds()) {
            problems.add("a message has waited " + oldestWaitingSeconds + " s for the pipeline (limit " + settings.readyMaxWait.toSeconds() + " s)");
        }
        return problems;
    }

    /** What /health/ready and the start-up log warn about today (in the gateway's time zone). */
    List<String> warnings() {
        List<String> w = new ArrayList<>(settings.warnings(LocalDate.now(clock.withZone(settings.timeZone))));
        gateway.services().refusedDeliveries.warning().ifPresent(w::add);
        return w;
    }

    @Override
    public Optional<Backlog> backlog() {
        return backlog.recent();
    }

    @Override
    public boolean leader() {
        return gateway.leadership() != null && gateway.leadership().isLeader();
    }

    @Override
    public boolean databaseUp() {
        return database.available();
    }
}
