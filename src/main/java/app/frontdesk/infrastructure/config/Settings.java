package app.frontdesk.infrastructure.config;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every setting of the gateway, read once at start-up and checked: a wrong value stops the start
 * with a message naming the variable. Names are environment variables (FRONTDESK_DB_URL ...);
 * MicroProfile Config also finds them as properties (frontdesk.db.url ...).
 */
public final class Settings {

    public static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;

    private final Function<String, Optional<String>> source;
    private final List<String> errors = new ArrayList<>();

    public final Path dataDir;
    public final DatabaseSettings database;
    public final Optional<String> smtpHost;
    public final int smtpPort;
    public final Optional<String> smtpUser;
    public final Optional<String> smtpPassword;
    public final MailAddresses addresses;
    public final Optional<String> mtaToken;
    public final Optional<String> adminToken;
    public final long maxMessageBytes;
    public final boolean demoData;
    public final Locale defaultLocale;
    public final int pipelineWorkers;
    public final int outboxWorkers;
    public final int batchSize;
    public final Duration outboxFirstRetry;

    /**
     * @param source looks a setting up by its environment-variable name
     */
    public Settings(Function<String, Optional<String>> source) {
        this.source = source;
        this.dataDir = Path.of(text("FRONTDESK_DATA_DIR").orElse("data")).toAbsolutePath().normalize();
        Optional<String> url = text("FRONTDESK_DB_URL");
        this.database = url.map(u -> new DatabaseSettings(u, text("FRONTDESK_DB_USER").orElse(null),
                text("FRONTDESK_DB_PASSWORD").orElse(null))).orElseGet(() -> DatabaseSettings.embeddedH2(dataDir));
        if (!database.isH2() && !database.isPostgres()) {
            errors.add("FRONTDESK_DB_URL must start with jdbc:postgresql: or jdbc:h2: (was " + database.url() + ")");
        }
        this.smtpHost = text("FRONTDESK_SMTP_HOST");
        this.smtpPort = (int) integer("FRONTDESK_SMTP_PORT", 25, 1, 65535);
        this.smtpUser = text("FRONTDESK_SMTP_USER");
        this.smtpPassword = text("FRONTDESK_SMTP_PASSWORD");
        EmailAddress from = address("FRONTDESK_FROM_ADDRESS", "frontdesk@frontdesk.localhost");
        EmailAddress helpdesk = address("FRONTDESK_HELPDESK_ADDRESS", "helpdesk@frontdesk.localhost");
        EmailAddress admin = text("FRONTDESK_ADMIN_ADDRESS").isPresent() ? address("FRONTDESK_ADMIN_ADDRESS", null) : helpdesk;
        this.addresses = from == null || helpdesk == null || admin == null ? null : new MailAddresses(from, helpdesk, admin);
        this.mtaToken = text("FRONTDESK_MTA_TOKEN");
        this.adminToken = text("FRONTDESK_ADMIN_TOKEN");
        this.maxMessageBytes = integer("FRONTDESK_MAX_MESSAGE_BYTES", DEFAULT_MAX_MESSAGE_BYTES, 1024, 1L << 30);
        this.demoData = bool("FRONTDESK_DEMO_DATA", url.isEmpty());
        this.defaultLocale = Locale.forLanguageTag(text("FRONTDESK_DEFAULT_LOCALE").orElse("en"));
        this.pipelineWorkers = (int) integer("FRONTDESK_PIPELINE_WORKERS", 2, 1, 64);
        this.outboxWorkers = (int) integer("FRONTDESK_OUTBOX_WORKERS", 2, 1, 64);
        this.batchSize = (int) integer("FRONTDESK_BATCH_SIZE", 100, 1, 1000);
        this.outboxFirstRetry = Duration.ofSeconds(integer("FRONTDESK_OUTBOX_RETRY_SECONDS", 30, 1, 3600));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Frontdesk cannot start, the configuration is wrong:\n  - "
                    + String.join("\n  - ", errors));
        }
    }

    public static Settings fromEnvironment() {
        return new Settings(name -> Optional.ofNullable(System.getenv(name)));
    }

    public boolean smtpConfigured() {
        return smtpHost.isPresent();
    }

    public Path outboxDir() {
        return dataDir.resolve("outbox");
    }

    private Optional<String> text(String name) {
        return source.apply(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    private long integer(String name, long fallback, long min, long max) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < min || n > max) {
                errors.add(name + " must be between " + min + " and " + max + " (was " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(name + " must be a whole number (was \"" + v.get() + "\")");
            return fallback;
        }
    }

    private boolean bool(String name, boolean fallback) {
        Optional<String> v = text(name).map(s -> s.toLowerCase(Locale.ROOT));
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> {
                errors.add(name + " must be true or false (was \"" + v.get() + "\")");
                yield fallback;
            }
        };
    }

    private EmailAddress address(String name, String fallback) {
        String v = text(name).orElse(fallback);
        Optional<EmailAddress> a = EmailAddress.parse(v);
        if (a.isEmpty()) {
            errors.add(name + " must be a mail address (was \"" + v + "\")");
        }
        return a.orElse(null);
    }
}
