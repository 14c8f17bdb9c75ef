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
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Starts the {@link Gateway} when the application is deployed and stops it on undeploy. A start that
 * cannot work (a wrong setting, a database in use or unreachable, a refused template, a failed
 * migration) prints one line saying why and how to fix it and ends the process with a sysexits code;
 * so does a running gateway that must not go on (its embedded database file was replaced).
 */
@ApplicationScoped
public class GatewayLifecycle {

    private static final Logger LOG = Logger.getLogger(GatewayLifecycle.class.getName());

    @Inject
    Config config;

    @Inject
    Meter meter;

    @Resource
    ManagedThreadFactory threads;

    private volatile Gateway gateway;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            gateway();
            stopGracefullyOnSigterm();
        } catch (RuntimeException | LinkageError e) {
            // One line with the cause and the fix, then exit: a service manager sees the code and restarts or alerts.
            StartFailure why = StartFailure.of(e);
            if (!why.expected()) {
                LOG.log(Level.SEVERE, "Frontdesk could not start", e);
            }
            halt("Frontdesk cannot start: " + why.line(), why.exitCode());
        }
    }

    /** One line on standard error, then the end of the process with {@code exitCode}. */
    private static void halt(String line, int exitCode) {
        System.err.println(line);
        System.err.flush();
        // halt, not exit: Payara's shutdown hooks would undeploy and log the failure again, with stack traces
        Runtime.getRuntime().halt(exitCode);
    }

    /** How long a SIGTERM may take: a service manager (systemd's default, Kubernetes' grace period) kills at 90 s / 30 s. */
    static final Duration STOP_WITHIN = Duration.ofSeconds(25);

    /**
     * SIGTERM stops the gateway gracefully and ends the process with 0: no new mail (readiness DOWN, intake 503),
     * the handovers in hand answered, the batches in hand finished, leadership let go; then Payara's own shutdown.
     * Without this the JVM's default ran Payara's shutdown at once: connections in flight were dropped and the
     * exit code was 143. A second SIGTERM during the stop changes nothing; SIGKILL still ends it at once.
     */
    private void stopGracefullyOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> {
                if (stopping.compareAndSet(false, true)) {
                    Thread t = new Thread(this::stopAndExit, "frontdesk-graceful-stop");
                    t.start();
                }
            });
        } catch (IllegalArgumentException | LinkageError e) {
            LOG.warning("SIGTERM cannot be handled here (" + e + "): it ends the process without a graceful stop");
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

    private void stopAndExit() {
        LOG.info("SIGTERM: taking no new mail, finishing what is in hand (at most " + STOP_WITHIN.toSeconds() + " s)");
        Gateway g = gateway;
        if (g != null) {
            g.drain(STOP_WITHIN);
        }
        System.exit(0); // Payara's shutdown hooks run now: undeploy (onStop closes the drained gateway) and the HTTP listener
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (gateway != null) {
            // closed but kept: a request still coming in while Payara stops gets the closed gateway (503 from intake),
            // never a new gateway started by its injection (which happened: 500s and a second database open)
            gateway.close();
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
            g.start(threads, (line, exitCode) -> halt("Frontdesk stopped: " + line, exitCode));
            gateway = g;
        }
        return gateway;
    }

    public boolean started() {
        return gateway != null;
    }
}
