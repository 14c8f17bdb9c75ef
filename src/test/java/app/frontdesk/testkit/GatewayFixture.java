package app.frontdesk.testkit;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.Meter;
import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.accounts.AccountService;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.pipeline.InboundProcessor;
import app.frontdesk.application.pipeline.Pipeline;
import app.frontdesk.bootstrap.Services;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.infrastructure.mail.FileMailTransport;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application services over a real database, wired as the server wires them but without HTTP
 * and threads, so a test drives intake and the pipeline step by step with a fixed clock.
 */
public final class GatewayFixture implements AutoCloseable {

    public static final MailAddresses ADDRESSES = new MailAddresses(EmailAddress.of("frontdesk@frontdesk.test"),
            EmailAddress.of("helpdesk@frontdesk.test"), EmailAddress.of("admin@frontdesk.test"));
    /** The authserv-id our (imagined) mail server writes; {@link TestMail} adds its results by default. */
    public static final String AUTHSERV_ID = "mx.frontdesk.test";

    public final Database db;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    public final Settings settings;
    public final Services services;
    public final MessageIds messageIds;
    public final Pipeline pipeline;
    public final InboundProcessor processor;
    public final MessageIntake intake;
    public final AccountService accounts;
    public final Path dataDir;

    public GatewayFixture(DatabaseSettings databaseSettings) {
        this(databaseSettings, Map.of());
    }

    /** @param overrides settings by environment-variable name, over the test defaults */
    public GatewayFixture(DatabaseSettings databaseSettings, Map<String, String> overrides) {
        this(databaseSettings, overrides, null);
    }

    /** @param transport what the services' outbox sends through (null: files under the fixture's data directory) */
    public GatewayFixture(DatabaseSettings databaseSettings, Map<String, String> overrides,
                          app.frontdesk.application.outbox.MailTransport transport) {
        this.db = TestDatabases.open(databaseSettings);
        try {
            this.dataDir = Files.createTempDirectory("frontdesk-fixture");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "FRONTDESK_DATA_DIR", dataDir.toString(),
                "FRONTDESK_FROM_ADDRESS", ADDRESSES.frontdesk().value(),
                "FRONTDESK_HELPDESK_ADDRESS", ADDRESSES.helpdesk().value(),
                "FRONTDESK_ADMIN_ADDRESS", ADDRESSES.admin().value(),
                "FRONTDESK_TRUSTED_AUTHSERV_IDS", AUTHSERV_ID,
                "FRONTDESK_PUBLIC_URL", "http://frontdesk.test",
                "FRONTDESK_SUPPORT_PHONE", "+7 495 123-45-67",
                "FRONTDESK_BATCH_SIZE", "50",
                "FRONTDESK_DEMO_DATA", "false"));
        env.putAll(overrides);
        this.settings = new Settings(name -> Optional.ofNullable(env.get(name)));
        this.services = new Services(settings, db, clock, Meter.NONE,
                transport != null ? transport : new FileMailTransport(dataDir.resolve("outbox")), () -> { });
        this.messageIds = services.messageIds;
        this.pipeline = services.pipeline;
        this.processor = services.processor;
        this.intake = services.intake;
        this.accounts = services.accounts;
    }

    public long account(String name, String domain, String... contacts) {
        try {
            return accounts.create(new AccountDraft(name, List.of(domain),
                    java.util.Arrays.stream(contacts).map(c -> new AccountDraft.ContactDraft(c, null, "ru")).toList(),
                    new AccountDraft.ManagerDraft("Olga", "olga@frontdesk.test")), "test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of an outbox mail as the outbox sends them: a carried original is read from where intake stored it. */
    public byte[] asSent(app.frontdesk.domain.model.outbox.OutboundMail mail) {
        return db.inTransaction(r -> {
            var out = new java.io.ByteArrayOutputStream();
            try {
                app.frontdesk.application.outbox.MailBytes.of(mail, r.inbound()).writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        });
    }

    /** The same, for handing to a transport outside a transaction. */
    public app.frontdesk.application.outbox.MailTransport.Bytes bytesOf(app.frontdesk.domain.model.outbox.OutboundMail mail) {
        byte[] bytes = asSent(mail);
        return out -> out.write(bytes);
    }

    /** Runs the pipeline until nothing is due. */
    public void processAll() {
        while (processor.processDue() > 0) {
            // next batch
        }
    }

    @Override
    public void close() {
        TestDatabases.dispose(db);
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        public void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
