package app.frontdesk.bench;

import app.frontdesk.application.Meter;
import app.frontdesk.application.mailbox.MailboxDrain;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.infrastructure.imap.ImapIntake;
import app.frontdesk.testkit.DovecotInstance;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * IMAP intake's drain rate (docs/benchmarks.md): {@code bench.messages} 4 KB messages (5,000) are put into a
 * private Dovecot's INBOX, then Frontdesk's IMAP intake (in-process, as the gateway runs it, on a fresh
 * PostgreSQL schema or H2 with {@code -Dbench.db=h2}) takes them all: fetched in chunks, each stored
 * through MessageIntake and committed, then moved. Printed next to MessageIntake alone storing the same
 * number of messages, in the same run, so the figure reads as a ratio.
 */
public final class ImapBenchmark {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 5_000);
        boolean h2 = System.getProperty("bench.db", "postgresql").equals("h2");
        try (DovecotInstance dovecot = DovecotInstance.start(Path.of("target/bench/dovecot"), null)) {
            List<byte[]> batch = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                batch.add(GatewayBenchmark.message(i));
                if (batch.size() == 500) {
                    dovecot.append("INBOX", batch, null, null);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                dovecot.append("INBOX", batch, null, null);
            }
            System.out.println(messages + " messages in Dovecot's INBOX");
            double imapRate;
            try (GatewayFixture gw = new GatewayFixture(h2 ? TestDatabases.h2() : TestDatabases.postgres(), Map.of(
                    "FRONTDESK_IMAP_HOST", "127.0.0.1", "FRONTDESK_IMAP_PORT", String.valueOf(dovecot.port()), "FRONTDESK_IMAP_SECURITY", "none",
                    "FRONTDESK_IMAP_USER", DovecotInstance.USER, "FRONTDESK_IMAP_PASSWORD", DovecotInstance.PASSWORD,
                    "FRONTDESK_IMAP_SINCE", "2026-01-01"))) {
                ImapIntake imap = new ImapIntake(gw.settings.imap, new MailboxDrain(gw.intake, gw.db, Clock.systemUTC(), Meter.NONE),
                        Clock.systemUTC(), Meter.NONE);
                long t0 = System.nanoTime();
                imap.start(Executors.defaultThreadFactory());
                while (gw.db.inTransaction(r -> r.inbound().countInState(InboundState.RECEIVED)) < messages) {
                    Thread.sleep(20);
                }
                while (dovecot.count("INBOX") > 0) { // the last chunk's move
                    Thread.sleep(20);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                imap.stop();
                imapRate = messages / s;
                System.out.printf(Locale.ROOT, "IMAP drain: %d messages stored and moved in %.1f s%n", messages, s);
            }
            double intakeRate;
            try (GatewayFixture gw = new GatewayFixture(h2 ? TestDatabases.h2() : TestDatabases.postgres(), Map.of())) {
                long t0 = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    gw.intake.accept(GatewayBenchmark.message(i), new Envelope(null, DovecotInstance.USER));
                }
                intakeRate = messages / ((System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "%n==== IMAP intake (%d cores, %s, %d messages of 4 KB) ====%n"
                    + "IMAP drain from Dovecot: %.0f msg/s%nMessageIntake alone, one thread: %.0f msg/s%nratio: %.2f%n",
                    Runtime.getRuntime().availableProcessors(), h2 ? "H2 in memory" : "PostgreSQL", messages, imapRate, intakeRate,
                    imapRate / intakeRate);
        }
    }
}
