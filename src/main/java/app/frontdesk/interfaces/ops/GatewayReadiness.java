package app.frontdesk.interfaces.ops;

import app.frontdesk.bootstrap.GatewayLifecycle;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.outbox.OutboxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the gateway started, the database answers, every pipeline worker runs and no message
 * has waited for the pipeline longer than {@code FRONTDESK_READY_MAX_WAIT_SECONDS}; reports the
 * backlog (messages waiting for the pipeline, mails waiting to be sent, mails given up) so that a
 * stuck queue shows. A gateway that accepts mail but decides none is not ready: the load balancer
 * and the operator must see it.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(GatewayReadiness.class.getName());

    @Inject
    GatewayLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("frontdesk-gateway");
        if (!lifecycle.started()) {
            return response.down().withData("reason", "not started").build();
        }
        try {
            var gateway = lifecycle.gateway();
            var db = gateway.database();
            Instant now = gateway.clock().instant();
            long[] counts = db.inTransaction(r -> new long[] {
                r.inbound().countInState(InboundState.RECEIVED), r.inbound().countInState(InboundState.HELD),
                r.inbound().countInState(InboundState.QUARANTINED), r.outbox().countInState(OutboxState.PENDING),
                r.outbox().countInState(OutboxState.FAILED),
                r.inbound().oldestWaiting().map(t -> Duration.between(t, now).toSeconds()).orElse(0L)});
            long waitedSeconds = counts[5];
            List<String> problems = gateway.notReady(waitedSeconds);
            var up = problems.isEmpty() ? response.up() : response.down().withData("reason", String.join("; ", problems));
            var warnings = gateway.warnings();
            if (!warnings.isEmpty()) {
                up.withData("warning", String.join("; ", warnings));
            }
            return up
                    .withData("pipelineWorkers", gateway.pipelineWorkersAlive())
                    .withData("oldestWaitingSeconds", waitedSeconds)
                    .withData("workersReplaced", gateway.workersReplaced())
                    .withData("database", db.settings().isPostgres() ? "postgresql" : "h2")
                    .withData("senderPolicy", gateway.settings().senderPolicy.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .withData("inboundWaiting", counts[0])
                    .withData("inboundHeld", counts[1])
                    .withData("inboundQuarantined", counts[2])
                    .withData("outboxBacklog", counts[3])
                    .withData("outboxFailed", counts[4])
                    .build();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "readiness check failed", e);
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
