package app.frontdesk.interfaces.ops;

import app.frontdesk.application.health.Backlog;
import app.frontdesk.application.health.Figures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Gauges of the backlog, read from the database when /metrics is scraped (at most once a second, one
 * snapshot for all of them), so that every instance reports the same queue and a dashboard sees mail that
 * waits even when no counter moves. -1 while the database does not answer. Also this instance's role.
 */
@ApplicationScoped
public class BacklogMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    Provider<Figures> figures;

    void register(@Observes @Initialized(ApplicationScoped.class) Object event) {
        gauge("inbound_waiting", "Messages stored and waiting for the pipeline (from the database)", Backlog::inboundWaiting);
        gauge("inbound_oldest_waiting_seconds", "Age of the oldest message waiting for the pipeline", Backlog::oldestWaitingSeconds);
        gauge("inbound_held", "Messages held (unknown senders, awaiting configuration)", Backlog::inboundHeld);
        gauge("outbox_backlog", "Mails and webhook calls waiting to be sent (from the database)", Backlog::outboxPending);
        gauge("outbox_oldest_waiting_seconds", "Age of the oldest mail waiting to be sent", Backlog::oldestOutboxSeconds);
        gauge("outbox_given_up", "Mails given up (FAILED), waiting for someone to look", Backlog::outboxFailed);
        flag("leader", "1 on the instance that runs the once-only jobs (housekeeping, digests, mailbox polling)", () -> figures.get().leader());
        flag("database_up", "1 while the database answers", () -> figures.get().databaseUp());
    }

    private void gauge(String name, String help, ToLongFunction<Backlog> figure) {
        registry.gauge(Metadata.builder().withName("frontdesk_" + name).withDescription(help).build(),
                () -> figures.get().backlog().map(figure::applyAsLong).orElse(-1L));
    }

    private void flag(String name, String help, Supplier<Boolean> figure) {
        registry.gauge(Metadata.builder().withName("frontdesk_" + name).withDescription(help).build(), () -> figure.get() ? 1L : 0L);
    }
}
