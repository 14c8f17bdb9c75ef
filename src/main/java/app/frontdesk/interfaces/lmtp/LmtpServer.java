package app.frontdesk.interfaces.lmtp;

import app.frontdesk.application.Meter;
import app.frontdesk.application.intake.MessageIntake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The LMTP listener: one thread accepts, one thread per connection (at most {@code maxConnections}) speaks
 * LMTP ({@link LmtpSession}). Blocking sockets on plain java.net: a mail server opens a handful of long
 * connections, and each message waits for a database commit anyway (ADR 0013 tells why not Apache James).
 * A client outside the allow-list is answered 554 and closed; one over the connection limit 421.
 */
public final class LmtpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LmtpServer.class.getName());

    /** Room kept under intake's size cap for the trace fields each recipient's copy starts with. */
    static final int TRACE_ROOM = 1024;

    /**
     * @param address        where to listen
     * @param clients        who may connect
     * @param hostname       the name in the greeting and the replies
     * @param maxConnections connections served at once; more are answered 421
     * @param maxRecipients  recipients in one transaction; more are answered 452 (the mail server sends them later)
     * @param idleTimeout    a client silent this long is answered 421 and closed
     */
    public record Config(InetSocketAddress address, ClientAllowList clients, String hostname, int maxConnections, int maxRecipients,
                         Duration idleTimeout) {
    }

    private final Config config;
    private final MessageIntake intake;
    private final Meter meter;
    private final ServerSocket server;
    private final ThreadPoolExecutor sessions;
    private final java.util.Map<Socket, LmtpSession> open = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile String failure;

    private LmtpServer(Config config, MessageIntake intake, Meter meter, ServerSocket server, ThreadFactory threads) {
        this.config = config;
        this.intake = intake;
        this.meter = meter;
        this.server = server;
        this.sessions = new ThreadPoolExecutor(0, config.maxConnections(), 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        this.acceptor = threads.newThread(this::acceptLoop);
    }

    /**
     * Binds and starts accepting.
     *
     * @throws IOException when the address cannot be bound (in use, not ours): the gateway must not start without it
     */
    public static LmtpServer start(Config config, MessageIntake intake, Meter meter, ThreadFactory threads) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(config.address(), 64);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        LmtpServer lmtp = new LmtpServer(config, intake, meter, server, threads);
        lmtp.acceptor.setName("lmtp-accept");
        lmtp.acceptor.start();
        LOG.info("LMTP listening on " + lmtp.listening() + " for clients " + config.clients());
        return lmtp;
    }

    /** The size cap LMTP announces: intake's, less the room for the trace fields. */
    static long bodyCap(long intakeMaxBytes) {
        return intakeMaxBytes - TRACE_ROOM;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    failure = e.getMessage();
                    LOG.log(Level.SEVERE, "the LMTP listener stopped accepting", e);
                }
                return;
            }
            if (!config.clients().allows(socket.getInetAddress())) {
                meter.increment("lmtp_refused", "reason", "client");
                refuse(socket, "554 5.7.1 " + socket.getInetAddress().getHostAddress() + " may not deliver here");
                continue;
            }
            LmtpSession session = new LmtpSession(socket, config, intake, meter, server::isClosed);
            open.put(socket, session);
            try {
                sessions.execute(() -> {
                    try {
                        session.run();
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (RejectedExecutionException e) {
                open.remove(socket);
                meter.increment("lmtp_refused", "reason", "busy");
                refuse(socket, "421 4.3.2 Too many connections; try again later");
            }
        }
    }

    private static void refuse(Socket socket, String reply) {
        try (socket) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** Where it listens, as host:port (the bound port when the configured one was 0). */
    public String listening() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** For /health: "listening on ...", or why not. */
    public String state() {
        String f = failure;
        return f != null ? "failed: " + f : server.isClosed() ? "stopped" : "listening on " + listening();
    }

    /** Whether it accepts connections (false after a failure of its socket). */
    public boolean healthy() {
        return failure == null && !server.isClosed() && acceptor.isAlive();
    }

    /** Connections being served now. */
    public int connections() {
        return open.size();
    }

    /**
     * Stops accepting, lets deliveries in progress finish for up to {@code grace}, then closes what is left: an
     * unfinished DATA is not acknowledged, so the mail server keeps it.
     */
    public void close(Duration grace) {
        stopAccepting();
        awaitDeliveries(grace);
    }

    /**
     * Takes no new connection and ends those waiting for a command with 421 (nothing of the mail server's is in our
     * hands there, and 421 tells it to try again later rather than count a broken connection against us); a delivery
     * in progress goes on, and its connection ends (421) once the delivery is answered. Returns at once: the gateway
     * stops every door before it waits for any.
     */
    public void stopAccepting() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        sessions.shutdown();
        open.forEach((socket, session) -> {
            if (!session.delivering()) {
                // its own thread writes the 421: ending the input wakes its read (end of stream), and no two threads
                // write to one socket; a client that sends nothing more is closed by awaitDeliveries all the same
                shutdownInputQuietly(socket);
            }
        });
    }

    private static void shutdownInputQuietly(Socket socket) {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            closeQuietly(socket); // already half gone: nothing to say to it
        }
    }

    /**
     * After {@link #stopAccepting()}: lets the deliveries in progress finish for up to {@code grace}, then closes
     * what is left (an unfinished DATA is not acknowledged, so the mail server keeps it).
     *
     * @return whether every delivery finished within {@code grace}
     */
    public boolean awaitDeliveries(Duration grace) {
        try {
            if (sessions.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            open.keySet().forEach(LmtpServer::closeQuietly);
            sessions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
