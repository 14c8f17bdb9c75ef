package app.frontdesk.interfaces.ops;

import app.frontdesk.application.Meter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Counts into the application's MicroProfile Metrics registry; names get the prefix "frontdesk_". */
@ApplicationScoped
public class MicroProfileMeter implements Meter {

    @Inject
    MetricRegistry registry;

    @Override
    public void add(String counter, long amount, String... tags) {
        if (amount == 0) {
            return;
        }
        Tag[] t = new Tag[tags.length / 2];
        for (int i = 0; i + 1 < tags.length; i += 2) {
            t[i / 2] = new Tag(tags[i], tags[i + 1]);
        }
        registry.counter("frontdesk_" + counter, t).inc(amount);
    }
}
