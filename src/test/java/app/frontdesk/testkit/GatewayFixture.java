package app.frontdesk.testkit;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.application.Meter;
import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.accounts.AccountService;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.pipeline.GatewayPipeline;
import app.frontdesk.application.pipeline.InboundProcessor;
import app.frontdesk.application.pipeline.Pipeline;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.infrastructure.persistence.Database;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The application services over a real database, wired as the server wires them but without HTTP
 * and threads, so a test drives intake and the pipeline step by step with a fixed clock.
 */
public final class GatewayFixture implements AutoCloseable {

    public static final MailAddresses ADDRESSES = new MailAddresses(EmailAddress.of("frontdesk@frontdesk.test"),
            EmailAddress.of("helpdesk@frontdesk.test"), EmailAddress.of("admin@frontdesk.test"));

    public final Database db;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    public final MessageIds messageIds = new MessageIds("frontdesk.test");
    public final Pipeline pipeline = GatewayPipeline.create(new Mime4jMailParser(), ADDRESSES, messageIds);
    public final InboundProcessor processor;
    public final MessageIntake intake;
    public final AccountService accounts;

    public GatewayFixture(DatabaseSettings settings) {
        this.db = TestDatabases.open(settings);
        this.processor = new InboundProcessor(db, pipeline, new AdminAlert(ADDRESSES, messageIds), clock, Meter.NONE, 50, 3);
        this.intake = new MessageIntake(db, clock, Meter.NONE, 25L * 1024 * 1024, () -> { });
        this.accounts = new AccountService(db, clock, Locale.ENGLISH);
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

    /** Runs the pipeline until nothing is due. */
    public void processAll() {
        while (processor.processDue() > 0) {
            // next batch
        }
    }

    @Override
    public void close() {
        TestDatabases.dispose(db);
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        public void advance(java.time.Duration d) {
            now = now.plus(d);
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
