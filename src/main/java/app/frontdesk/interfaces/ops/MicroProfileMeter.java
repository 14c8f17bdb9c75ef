package app.frontdesk.interfaces.ops;

import app.frontdesk.application.Meter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts into the application's MicroProfile Metrics registry; names get the prefix "frontdesk_". */
@ApplicationScoped
public class MicroProfileMeter implements Meter {

    /** What each counter counts: the HELP line of /metrics, for whoever reads a dashboard. */
    static final Map<String, String> DESCRIPTIONS = Map.of(
            "inbound_accepted", "Messages the mail server handed over and Frontdesk stored (each answered 202)",
            "inbound_duplicates", "Messages handed over again that were stored already (not processed twice)",
            "inbound_routed", "Messages the pipeline decided, by route",
            "inbound_quarantined", "Messages given up after their attempts ran out or unreadable; kept raw, the administrator alerted",
            "inbound_retrying", "Pipeline attempts that failed for a reason of ours and will be tried again",
            "outbox_sent", "Mails and webhook calls delivered",
            "outbox_failed", "Mails given up after their attempts ran out",
            "outbox_retrying", "Mail deliveries that failed and will be tried again",
            "lmtp_accepted", "Recipients of LMTP deliveries whose message was stored (each answered 250)",
            "lmtp_refused", "LMTP deliveries and connections refused, by reason: unavailable (451, retried), size (552), client (554), busy (421)");

    /** Built once per counter: counting is on every message's path. */
    private static final Map<String, Metadata> METADATA = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    MetricRegistry registry;

    private static Metadata metadata(String counter) {
        return Metadata.builder().withName("frontdesk_" + counter)
                .withDescription(DESCRIPTIONS.getOrDefault(counter, counter.replace('_', ' '))).build();
    }

    @Override
    public void add(String counter, long amount, String... tags) {
        if (amount == 0) {
            return;
        }
        Tag[] t = new Tag[tags.length / 2];
        for (int i = 0; i + 1 < tags.length; i += 2) {
            t[i / 2] = new Tag(tags[i], tags[i + 1]);
        }
        registry.counter(METADATA.computeIfAbsent(counter, MicroProfileMeter::metadata), t).inc(amount);
    }
}
