package app.frontdesk.infrastructure.config;

import app.frontdesk.application.MailAddresses;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.infrastructure.persistence.DatabaseSettings;
import app.frontdesk.application.contacts.SupportContact;
import app.frontdesk.application.verification.SenderPolicy;
import app.frontdesk.domain.model.calendar.BusinessCalendar;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** The first console administrator's password (FRONTDESK_ADMIN_PASSWORD); generated into data/secrets when unset. */
    public final Optional<String> adminPassword;
    public final long maxMessageBytes;
    /** How many concurrent messages may share one intake commit (FRONTDESK_INTAKE_BATCH; 1: each its own commit). */
    public final int intakeBatch;
    /** How many shared intake commits may run at once (FRONTDESK_INTAKE_LANES). */
    public final int intakeLanes;
    /** How long a shared intake commit runs before another lane may open (FRONTDESK_INTAKE_LANE_WAIT_MS). */
    public final java.time.Duration intakeLaneWait;
    /** Where the LMTP listener listens (FRONTDESK_LMTP_ADDRESS, host:port); empty: no listener (the default). */
    public final Optional<java.net.InetSocketAddress> lmtpAddress;
    /** Who may connect to it (FRONTDESK_LMTP_CLIENTS: addresses or CIDR ranges, comma-separated; loopback by default). */
    public final String lmtpClients;
    public final boolean demoData;
    /** The authserv-id the demo start trusts when none is set: the one in README's example messages, never a real server's. */
    public static final String DEMO_AUTHSERV_ID = "mx.example.com";
    public final Locale defaultLocale;
    /**
     * The language of the mails staff read (FRONTDESK_STAFF_LOCALE: ru or en; by default ru when customers'
     * default is ru, else en); a console user's own language wins for their mail.
     */
    public final Locale staffLocale;
    /** The time zone staff read times in (FRONTDESK_STAFF_TIME_ZONE; default FRONTDESK_TIME_ZONE). */
    public final ZoneId staffTimeZone;
    public final int pipelineWorkers;
    /** How long a pipeline worker gives way to intake after its last batch while mail servers are being answered (ms; 0: never). */
    public final long pipelineGiveWayMillis;
    public final int outboxWorkers;
    public final int batchSize;
    public final Duration outboxFirstRetry;
    public final Path configDir;
    public final Path templatesDir;
    public final SenderPolicy senderPolicy;
    public final Set<String> trustedAuthservIds;
    /** Believe a folded Authentication-Results of ours (only where the MX writes a field of its own below it). */
    public final boolean trustFoldedResults;
    public final EmailAddress triageAddress;
    public final URI publicUrl;
    public final Duration linkTtl;
    public final Duration replyWindow;
    public final Duration alertWindow;
    public final Duration answerWithin;
    public final ZoneId timeZone;
    public final LocalTime opens;
    public final LocalTime closes;
    public final Set<LocalDate> holidays;
    public final Set<LocalDate> workingWeekendDays;
    private final CalendarFile calendarFile;
    public final SupportContact support;
    public final Optional<String> linkSecret;
    public final Optional<String> webhookSecret;
    /** Webhooks to loopback, link-local and private addresses are refused unless this is set. */
    public final boolean webhookAllowPrivate;
    public final Optional<String> autoReplyEnvelopeFrom;
    public final Optional<String> billingAddress;
    public final Optional<java.time.Instant> replayStart;
    public final Duration careWindow;
    public final String supportLeadAddress;
    public final String headOfSupportAddress;
    public final int clearingBusinessDays;
    public final Duration noticeRepeatWindow;
    /** /health/ready is DOWN when a message has waited for the pipeline longer than this. */
    public final Duration readyMaxWait;
    /** /health/ready warns (stays UP) when the oldest message waiting for the pipeline, or mail for the relay, is older. */
    public final Duration backlogWarn;
    /** This gateway's name among several over one database: logs, the leader's name, the {@code instance} label of /metrics. */
    public final String instanceId;
    /** How much of one message the parser reads (see docs/operations.md, "Limits on one message"). */
    public final app.frontdesk.infrastructure.mime.MimeLimits mimeLimits;
    /** The IMAP mailboxes to read (none: no IMAP intake); see {@link ImapSettings}. */
    public final ImapSettings imap;

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
        this.addresses = from == null || helpdesk == null || admin == null ? null : new MailAddresses(from, helpdesk, admin,
                text("FRONTDESK_COMPANY_NAME").orElse(null));
        this.mtaToken = text("FRONTDESK_MTA_TOKEN");
        this.adminToken = text("FRONTDESK_ADMIN_TOKEN");
        this.adminPassword = text("FRONTDESK_ADMIN_PASSWORD");
        this.maxMessageBytes = integer("FRONTDESK_MAX_MESSAGE_BYTES", DEFAULT_MAX_MESSAGE_BYTES, 1024, 1L << 30);
        this.intakeBatch = (int) integer("FRONTDESK_INTAKE_BATCH", 64, 1, 1000);
        this.intakeLanes = (int) integer("FRONTDESK_INTAKE_LANES", app.frontdesk.application.intake.MessageIntake.DEFAULT_LANES, 1, 64);
        this.intakeLaneWait = java.time.Duration.ofMillis(integer("FRONTDESK_INTAKE_LANE_WAIT_MS",
                app.frontdesk.application.intake.MessageIntake.DEFAULT_LANE_WAIT.toMillis(), 0, 1000));
        this.lmtpAddress = text("FRONTDESK_LMTP_ADDRESS").flatMap(this::lmtpAddress);
        this.lmtpClients = text("FRONTDESK_LMTP_CLIENTS").orElse("127.0.0.0/8, ::1");
        this.demoData = bool("FRONTDESK_DEMO_DATA", url.isEmpty());
        this.defaultLocale = Locale.forLanguageTag(text("FRONTDESK_DEFAULT_LOCALE").orElse("en"));
        this.pipelineWorkers = (int) integer("FRONTDESK_PIPELINE_WORKERS", 2, 1, 64);
        this.pipelineGiveWayMillis = integer("FRONTDESK_PIPELINE_GIVE_WAY_MS", 2000, 0, 60_000);
        this.outboxWorkers = (int) integer("FRONTDESK_OUTBOX_WORKERS", 2, 1, 64);
        this.batchSize = (int) integer("FRONTDESK_BATCH_SIZE", 100, 1, 1000);
        this.outboxFirstRetry = Duration.ofSeconds(integer("FRONTDESK_OUTBOX_RETRY_SECONDS", 30, 1, 3600));
        this.configDir = Path.of(text("FRONTDESK_CONFIG_DIR").orElse("server-config")).toAbsolutePath().normalize();
        this.templatesDir = text("FRONTDESK_TEMPLATES_DIR").map(d -> Path.of(d).toAbsolutePath().normalize())
                .orElse(configDir.resolve("templates"));
        SenderPolicy policy = SenderPolicy.VERIFIED;
        try {
            policy = SenderPolicy.parse(text("FRONTDESK_SENDER_POLICY").orElse("verified"));
        } catch (IllegalArgumentException e) {
            errors.add("FRONTDESK_SENDER_POLICY " + e.getMessage());
        }
        this.senderPolicy = policy;
        Set<String> ids = new LinkedHashSet<>(List.of(text("FRONTDESK_TRUSTED_AUTHSERV_IDS").orElse("").split("[,\\s]+")));
        ids.removeIf(String::isBlank);
        if (ids.isEmpty() && demoData && policy == SenderPolicy.VERIFIED) {
            // The demo start must work as README's "Try it" tells it; its example messages carry this id.
            ids.add(DEMO_AUTHSERV_ID);
        }
        this.trustedAuthservIds = Set.copyOf(ids);
        this.trustFoldedResults = bool("FRONTDESK_TRUST_FOLDED_RESULTS", false);
        this.triageAddress = text("FRONTDESK_TRIAGE_ADDRESS").isPresent() ? address("FRONTDESK_TRIAGE_ADDRESS", null)
                : addresses == null ? null : addresses.admin();
        URI publicBase = null;
        try {
            publicBase = URI.create(text("FRONTDESK_PUBLIC_URL").orElse("http://localhost:" + launchPort(System.getProperty("sun.java.command"))));
            if (publicBase.getScheme() == null || !publicBase.getScheme().startsWith("http")) {
                errors.add("FRONTDESK_PUBLIC_URL must be an http(s) URL (was \"" + publicBase + "\")");
            }
        } catch (IllegalArgumentException e) {
            errors.add("FRONTDESK_PUBLIC_URL is not a URL: " + e.getMessage());
        }
        this.publicUrl = publicBase;
        this.linkTtl = Duration.ofDays(integer("FRONTDESK_LINK_TTL_DAYS", 7, 1, 90));
        this.replyWindow = Duration.ofHours(integer("FRONTDESK_REPLY_WINDOW_HOURS", 24, 1, 24 * 30));
        this.alertWindow = Duration.ofMinutes(integer("FRONTDESK_ALERT_WINDOW_MINUTES", 60, 1, 24 * 60));
        this.answerWithin = Duration.ofHours(integer("FRONTDESK_ANSWER_WITHIN_BUSINESS_HOURS", 4, 1, 200));
        ZoneId zone = ZoneId.of("Europe/Moscow");
        try {
            zone = ZoneId.of(text("FRONTDESK_TIME_ZONE").orElse("Europe/Moscow"));
        } catch (java.time.DateTimeException e) {
            errors.add("FRONTDESK_TIME_ZONE is not a time zone id such as Europe/Moscow (was \"" + text("FRONTDESK_TIME_ZONE").orElse("") + "\")");
        }
        this.timeZone = zone;
        this.staffLocale = language("FRONTDESK_STAFF_LOCALE", defaultLocale.getLanguage().equals("ru") ? "ru" : "en");
        ZoneId staffZone = zone;
        try {
            staffZone = text("FRONTDESK_STAFF_TIME_ZONE").map(ZoneId::of).orElse(zone);
        } catch (java.time.DateTimeException e) {
            errors.add("FRONTDESK_STAFF_TIME_ZONE is not a time zone id such as Europe/Moscow (was \"" + text("FRONTDESK_STAFF_TIME_ZONE").orElse("") + "\")");
        }
        this.staffTimeZone = staffZone;
        LocalTime[] hours = {LocalTime.of(9, 0), LocalTime.of(18, 0)};
        String bh = text("FRONTDESK_BUSINESS_HOURS").orElse("09:00-18:00");
        try {
            String[] parts = bh.split("-");
            hours = new LocalTime[] {LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip())};
            if (!hours[0].isBefore(hours[1])) {
                errors.add("FRONTDESK_BUSINESS_HOURS must open before it closes (was \"" + bh + "\")");
                hours = new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(18, 0)};
            }
        } catch (RuntimeException e) {
            errors.add("FRONTDESK_BUSINESS_HOURS must look like 09:00-18:00 (was \"" + bh + "\")");
        }
        this.opens = hours[0];
        this.closes = hours[1];
        this.calendarFile = CalendarFile.read(text("FRONTDESK_CALENDAR_FILE").map(Path::of).orElse(configDir.resolve("calendar/ru.txt")), errors);
        this.holidays = calendarFile.holidays();
        this.workingWeekendDays = calendarFile.workdays();
        this.support = new SupportContact(text("FRONTDESK_SUPPORT_NAME")
                .orElse(text("FRONTDESK_COMPANY_NAME").map(c -> c + " customer support").orElse("Customer support")),
                text("FRONTDESK_SUPPORT_PHONE").orElse("+7 495 000-00-00"),
                text("FRONTDESK_SUPPORT_ADDRESS").orElse(addresses == null ? "" : addresses.helpdesk().value()));
        this.linkSecret = text("FRONTDESK_LINK_SECRET");
        this.webhookSecret = text("FRONTDESK_WEBHOOK_SECRET");
        this.webhookAllowPrivate = bool("FRONTDESK_WEBHOOK_ALLOW_PRIVATE", false);
        this.billingAddress = text("FRONTDESK_BILLING_ADDRESS").map(v -> address("FRONTDESK_BILLING_ADDRESS", v)).map(a -> a == null ? "" : a.value());
        Optional<java.time.Instant> replay = Optional.empty();
        try {
            replay = text("FRONTDESK_REPLAY_CLOCK_START").map(v -> java.time.OffsetDateTime.parse(v).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add("FRONTDESK_REPLAY_CLOCK_START must be a date-time with offset, such as 2026-11-21T10:00:00+03:00");
        }
        this.replayStart = replay;
        this.careWindow = Duration.ofDays(integer("FRONTDESK_CARE_WINDOW_DAYS", 90, 1, 3650));
        String adminAddress = addresses == null ? "" : addresses.admin().value();
        this.supportLeadAddress = text("FRONTDESK_SUPPORT_LEAD_ADDRESS").map(v -> address("FRONTDESK_SUPPORT_LEAD_ADDRESS", v))
                .map(a -> a == null ? "" : a.value()).orElse(adminAddress);
        this.headOfSupportAddress = text("FRONTDESK_HEAD_OF_SUPPORT_ADDRESS").map(v -> address("FRONTDESK_HEAD_OF_SUPPORT_ADDRESS", v))
                .map(a -> a == null ? "" : a.value()).orElse(adminAddress);
        this.clearingBusinessDays = (int) integer("FRONTDESK_CLEARING_BUSINESS_DAYS", 3, 0, 30);
        this.noticeRepeatWindow = Duration.ofDays(integer("FRONTDESK_NOTICE_REPEAT_DAYS", 7, 0, 365));
        this.readyMaxWait = Duration.ofSeconds(integer("FRONTDESK_READY_MAX_WAIT_SECONDS", 600, 10, 7 * 24 * 3600));
        this.backlogWarn = Duration.ofSeconds(integer("FRONTDESK_BACKLOG_WARN_SECONDS", 300, 1, 7 * 24 * 3600));
        this.instanceId = text("FRONTDESK_INSTANCE_ID").orElseGet(Settings::defaultInstanceId);
        var mime = app.frontdesk.infrastructure.mime.MimeLimits.DEFAULT;
        this.mimeLimits = new app.frontdesk.infrastructure.mime.MimeLimits(
                (int) integer("FRONTDESK_MIME_MAX_NESTING", mime.maxNesting(), 1, 1000),
                (int) integer("FRONTDESK_MIME_MAX_HEADER_FIELDS", mime.maxHeaderFields(), 10, 1_000_000),
                (int) integer("FRONTDESK_MIME_MAX_FIELD_BYTES", mime.maxFieldBytes(), 1_000, 64 * 1024 * 1024),
                (int) integer("FRONTDESK_MIME_MAX_LINE_BYTES", mime.maxLineBytes(), 1_000, 64 * 1024 * 1024),
                mime.maxTextChars(), mime.maxDocuments(), mime.maxDocumentBytes());
        this.autoReplyEnvelopeFrom = text("FRONTDESK_AUTOREPLY_ENVELOPE_FROM").map(v -> address("FRONTDESK_AUTOREPLY_ENVELOPE_FROM", v))
                .map(a -> a == null ? "" : a.value());
        this.imap = ImapSettings.read(this::text, configDir, timeZone, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Frontdesk cannot start, the configuration is wrong:\n  - "
                    + String.join("\n  - ", errors));
        }
    }

    public BusinessCalendar calendar() {
        return new BusinessCalendar(timeZone, opens, closes, holidays, workingWeekendDays);
    }

    /** What /health warns about on {@code today}: settings that work but weaken what Frontdesk promises. */
    public List<String> warnings(LocalDate today) {
        List<String> w = new ArrayList<>(calendarFile.warnings(today));
        replayStart.ifPresent(t -> w.add("FRONTDESK_REPLAY_CLOCK_START is set: Frontdesk's clock started at " + t
                + " instead of now; for replaying a story, never in production"));
        if (senderPolicy == SenderPolicy.TRUST_FROM) {
            w.add("FRONTDESK_SENDER_POLICY=trust-from: From is believed without verification; anyone can write in a contact's name");
        }
        if (addresses != null && addresses.company() == null) {
            w.add("FRONTDESK_COMPANY_NAME is not set: customers' mail is signed \"Customer support\" without your company's name");
        }
        if (senderPolicy != SenderPolicy.TRUST_FROM && demoData && trustedAuthservIds.equals(Set.of(DEMO_AUTHSERV_ID)) && text("FRONTDESK_TRUSTED_AUTHSERV_IDS").isEmpty()) {
            w.add("demo start: trusting the example authserv-id " + DEMO_AUTHSERV_ID + "; set FRONTDESK_TRUSTED_AUTHSERV_IDS to your"
                    + " mail server's before real mail arrives");
        }
        return w;
    }

    /** Why the gateway must not be called ready whatever else works (empty: nothing). */
    public List<String> configurationGaps() {
        if (senderPolicy == SenderPolicy.VERIFIED && trustedAuthservIds.isEmpty()) {
            return List.of("no sender can be verified: FRONTDESK_TRUSTED_AUTHSERV_IDS is empty; set it to the authserv-id your"
                    + " DMARC/DKIM milter writes (or FRONTDESK_SENDER_POLICY=trust-from); mail waits, held as \"cannot verify: configuration\"");
        }
        return List.of();
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

    /**
     * The HTTP port the gateway was started with ({@code java -jar frontdesk.jar --port N}; Payara's
     * default 8080 without it), so that links in our mails point where the gateway listens when
     * FRONTDESK_PUBLIC_URL is not set. Payara Micro keeps its options to itself; the JVM's command line
     * is where they can be read.
     */
    static int launchPort(String commandLine) {
        if (commandLine != null) {
            Matcher m = Pattern.compile("(?:^|\\s)--port[=\\s]+(\\d{1,5})(?:\\s|$)").matcher(commandLine);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                if (port > 0 && port < 65536) {
                    return port;
                }
            }
        }
        return 8080;
    }

    /**
     * {@code host:port} ({@code [::1]:2424} for IPv6). Never port 25: LMTP is for the mail server on the inside, and a
     * listener there would look like an SMTP server that accepts every recipient without a single check.
     */
    private Optional<java.net.InetSocketAddress> lmtpAddress(String v) {
        Matcher m = Pattern.compile("^(\\[[0-9a-fA-F:.]+\\]|[^:\\s]+):(\\d{1,5})$").matcher(v);
        if (!m.matches()) {
            errors.add("FRONTDESK_LMTP_ADDRESS must be host:port, such as 127.0.0.1:2424 (was \"" + v + "\")");
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(2));
        if (port == 25) {
            errors.add("FRONTDESK_LMTP_ADDRESS must not use port 25 (SMTP's): LMTP is only for your own mail server; use another"
                    + " port, such as 2424 (was \"" + v + "\")");
            return Optional.empty();
        }
        if (port < 1 || port > 65535) {
            errors.add("FRONTDESK_LMTP_ADDRESS: the port must be between 1 and 65535 (was \"" + v + "\")");
            return Optional.empty();
        }
        String host = m.group(1).replaceAll("^\\[|\\]$", "");
        java.net.InetSocketAddress address = new java.net.InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            errors.add("FRONTDESK_LMTP_ADDRESS: the host " + host + " is not known here (was \"" + v + "\")");
            return Optional.empty();
        }
        return Optional.of(address);
    }

    private Optional<String> text(String name) {
        return source.apply(name).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** One of the languages Frontdesk writes (ru, en), by its tag ("ru-RU" is ru). */
    private Locale language(String name, String fallback) {
        String v = text(name).orElse(fallback);
        String lang = Locale.forLanguageTag(v).getLanguage();
        if (!lang.equals("ru") && !lang.equals("en")) {
            errors.add(name + " must be ru or en (was \"" + v + "\")");
            return Locale.forLanguageTag(fallback);
        }
        return Locale.forLanguageTag(lang);
    }

    /** The host's name and the HTTP port (which the launcher passes on): stable across restarts, unique per machine. */
    private static String defaultInstanceId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + System.getProperty("frontdesk.port", String.valueOf(ProcessHandle.current().pid()));
    }

    private long integer(String name, long fallback, long min, long max) {
        return WholeNumbers.read(text(name), name, fallback, min, max, errors);
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
