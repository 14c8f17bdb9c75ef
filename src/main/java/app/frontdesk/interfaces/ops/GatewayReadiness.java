package app.frontdesk.interfaces.ops;

import app.frontdesk.bootstrap.GatewayLifecycle;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.outbox.OutboxState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the gateway started and the database answers; reports the backlog (messages waiting
 * for the pipeline, mails waiting to be sent, mails given up) so that a stuck queue shows.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Inject
    GatewayLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("frontdesk-gateway");
        if (!lifecycle.started()) {
            return response.down().withData("reason", "not started").build();
        }
        try {
            var db = lifecycle.gateway().database();
            long[] counts = db.inTransaction(r -> new long[] {
                r.inbound().countInState(InboundState.RECEIVED), r.inbound().countInState(InboundState.HELD),
                r.inbound().countInState(InboundState.QUARANTINED), r.outbox().countInState(OutboxState.PENDING),
                r.outbox().countInState(OutboxState.FAILED)});
            var up = response.up();
            var warnings = lifecycle.gateway().warnings();
            if (!warnings.isEmpty()) {
                up.withData("warning", String.join("; ", warnings));
            }
            return up
                    .withData("database", db.settings().isPostgres() ? "postgresql" : "h2")
                    .withData("senderPolicy", lifecycle.gateway().settings().senderPolicy.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .withData("inboundWaiting", counts[0])
                    .withData("inboundHeld", counts[1])
                    .withData("inboundQuarantined", counts[2])
                    .withData("outboxBacklog", counts[3])
                    .withData("outboxFailed", counts[4])
                    .build();
        } catch (RuntimeException e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
