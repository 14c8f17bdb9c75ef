package app.frontdesk.interfaces.ops;

import app.frontdesk.application.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready when the gateway started, the database answers, every pipeline worker runs and no message
 * has waited for the pipeline longer than {@code FRONTDESK_READY_MAX_WAIT_SECONDS}; reports the
 * backlog (messages waiting for the pipeline, mails waiting to be sent, mails given up) so that a
 * stuck queue shows. A gateway that accepts mail but decides none is not ready: the load balancer
 * and the operator must see it.
 */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    @Inject
    Readiness readiness;

    @Override
    public HealthCheckResponse call() {
        Readiness.Report report = readiness.report();
        var response = HealthCheckResponse.named("frontdesk-gateway");
        var answer = report.ready() ? response.up() : response.down().withData("reason", String.join("; ", report.problems()));
        if (!report.warnings().isEmpty()) {
            answer.withData("warning", String.join("; ", report.warnings()));
        }
        report.data().forEach((name, value) -> {
            if (value instanceof Number n) {
                answer.withData(name, n.longValue());
            } else {
                answer.withData(name, String.valueOf(value));
            }
        });
        return answer.build();
    }
}
