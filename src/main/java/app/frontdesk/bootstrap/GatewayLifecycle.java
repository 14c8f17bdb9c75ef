package app.frontdesk.bootstrap;

import app.frontdesk.application.Meter;
import app.frontdesk.infrastructure.config.Settings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Starts the {@link Gateway} when the application is deployed and stops it on undeploy. A wrong
 * setting or an unreachable database fails the deployment, and {@code /health/ready} stays DOWN.
 */
@ApplicationScoped
public class GatewayLifecycle {

    @Inject
    Config config;

    @Inject
    Meter meter;

    @Resource
    ManagedThreadFactory threads;

    private volatile Gateway gateway;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        gateway();
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The running gateway; started on first use if the start-up event has not come yet. */
    public Gateway gateway() {
        Gateway g = gateway;
        return g != null ? g : start();
    }

    private synchronized Gateway start() {
        if (gateway == null) {
            // Environment variable names work as MicroProfile Config property names too.
            Settings settings = new Settings(name -> config.getOptionalValue(name, String.class)
                    .or(() -> Optional.ofNullable(System.getenv(name))));
            Gateway g = new Gateway(settings, settings.replayStart.map(ReplayClock::startingAt).orElseGet(this::clock), meter);
            g.start(threads);
            gateway = g;
        }
        return gateway;
    }

    public boolean started() {
        return gateway != null;
    }
}
