package app.frontdesk.infrastructure.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The IMAP mailboxes Frontdesk reads (issue 16): one from {@code FRONTDESK_IMAP_*} variables, any number
 * from {@code server-config/imap.properties} ({@code FRONTDESK_IMAP_FILE}), as
 * {@code <name>.host}, {@code <name>.user} ... Every mistake is reported with the setting's name, and the
 * start stops (exit 78). None configured: no IMAP intake.
 */
public record ImapSettings(List<ImapMailboxSettings> mailboxes, Duration poll, Duration resync, Optional<Instant> since, boolean idle) {

    /** What each mailbox may say; {@code FRONTDESK_IMAP_<KEY>} for the one from the environment. */
    private static final List<String> KEYS = List.of("host", "port", "security", "user", "password", "password-file", "token-command",
            "folder", "done-folder", "recipient");

    public boolean enabled() {
        return !mailboxes.isEmpty();
    }

    /**
     * @param text   a setting by its environment-variable name, blank as empty
     * @param errors where every mistake goes, naming the setting
     */
    static ImapSettings read(Function<String, Optional<String>> text, Path configDir, ZoneId zone, List<String> errors) {
        String doneFolder = text.apply("FRONTDESK_IMAP_DONE_FOLDER").orElse("Frontdesk-Processed");
        List<ImapMailboxSettings> boxes = new ArrayList<>();
        if (text.apply("FRONTDESK_IMAP_HOST").isPresent()) {
            mailbox("default", key -> text.apply("FRONTDESK_IMAP_" + key.toUpperCase(Locale.ROOT).replace('-', '_')),
                    key -> "FRONTDESK_IMAP_" + key.toUpperCase(Locale.ROOT).replace('-', '_'), doneFolder, errors).ifPresent(boxes::add);
        }
        Optional<String> fileSetting = text.apply("FRONTDESK_IMAP_FILE");
        Path file = fileSetting.map(Path::of).orElse(configDir.resolve("imap.properties"));
        if (fileSetting.isPresent() && !Files.isReadable(file)) {
            errors.add("FRONTDESK_IMAP_FILE names " + file + ", which cannot be read");
        } else if (Files.isReadable(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                errors.add(file.getFileName() + " cannot be read: " + e.getMessage());
            }
            TreeSet<String> names = new TreeSet<>();
            for (String k : p.stringPropertyNames()) {
                int dot = k.indexOf('.');
                String name = dot < 0 ? k : k.substring(0, dot);
                if (dot < 0 || !KEYS.contains(k.substring(dot + 1))) {
                    errors.add(file.getFileName() + ": unknown setting \"" + k + "\" (a mailbox's settings are <name>." + String.join(", <name>.", KEYS) + ")");
                } else if (!name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
                    errors.add(file.getFileName() + ": mailbox name \"" + name + "\" must be lower-case letters, digits, - or _");
                } else {
                    names.add(name);
                }
            }
            for (String name : names) {
                if (boxes.stream().anyMatch(b -> b.name().equals(name))) {
                    errors.add(file.getFileName() + ": mailbox \"" + name + "\" is also configured by FRONTDESK_IMAP_HOST; rename one");
                    continue;
                }
                mailbox(name, key -> Optional.ofNullable(p.getProperty(name + "." + key)).map(String::strip).filter(s -> !s.isEmpty()),
                        key -> file.getFileName() + ": " + name + "." + key, doneFolder, errors).ifPresent(boxes::add);
            }
        }
        Duration poll = Duration.ofSeconds(WholeNumbers.read(text.apply("FRONTDESK_IMAP_POLL_SECONDS"), "FRONTDESK_IMAP_POLL_SECONDS", 60, 1,
                3600, errors));
        Duration resync = Duration.ofSeconds(WholeNumbers.read(text.apply("FRONTDESK_IMAP_RESYNC_SECONDS"), "FRONTDESK_IMAP_RESYNC_SECONDS", 300,
                5, 24 * 3600, errors));
        Optional<Instant> since = Optional.empty();
        Optional<String> s = text.apply("FRONTDESK_IMAP_SINCE");
        if (s.isPresent()) {
            try {
                since = Optional.of(s.get().contains("T") ? OffsetDateTime.parse(s.get()).toInstant()
                        : LocalDate.parse(s.get()).atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException e) {
                errors.add("FRONTDESK_IMAP_SINCE must be a date such as 2026-11-01 or a date-time with offset such as"
                        + " 2026-11-01T09:00:00+03:00 (was \"" + s.get() + "\")");
            }
        }
        boolean idle = !text.apply("FRONTDESK_IMAP_IDLE").map(v -> v.equalsIgnoreCase("false") || v.equals("0") || v.equalsIgnoreCase("off"))
                .orElse(false);
        return new ImapSettings(List.copyOf(boxes), poll, resync, since, idle);
    }

    /**
     * @param value a mailbox setting by its key (host, user ...)
     * @param shown how an error names the setting
     */
    private static Optional<ImapMailboxSettings> mailbox(String name, Function<String, Optional<String>> value, Function<String, String> shown,
                                                         String doneFolder, List<String> errors) {
        int before = errors.size();
        String host = value.apply("host").orElse(null);
        if (host == null) {
            errors.add(shown.apply("host") + " is required: the IMAP server's name");
        }
        String security = value.apply("security").orElse("tls").toLowerCase(Locale.ROOT);
        if (!List.of("tls", "starttls", "none").contains(security)) {
            errors.add(shown.apply("security") + " must be tls, starttls or none (was \"" + security + "\")");
        } else if (security.equals("none") && host != null && !isLoopback(host)) {
            // the password (or token) would cross the network in clear text
            errors.add(shown.apply("security") + "=none is allowed only for a server on this machine (127.0.0.1, ::1, localhost), not " + host);
        }
        int port = (int) WholeNumbers.read(value.apply("port"), shown.apply("port"), security.equals("tls") ? 993 : 143, 1, 65535, errors);
        String user = value.apply("user").orElse(null);
        if (user == null) {
            errors.add(shown.apply("user") + " is required: the account Frontdesk signs in as");
        }
        Optional<String> password = value.apply("password");
        Optional<String> passwordFile = value.apply("password-file");
        Optional<String> token = value.apply("token-command");
        int secrets = (password.isPresent() ? 1 : 0) + (passwordFile.isPresent() ? 1 : 0) + (token.isPresent() ? 1 : 0);
        if (secrets != 1) {
            errors.add("mailbox " + name + " needs exactly one of " + shown.apply("password") + ", " + shown.apply("password-file") + " and "
                    + shown.apply("token-command") + " (found " + secrets + ")");
        }
        if (passwordFile.isPresent()) {
            try {
                password = Optional.of(Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                errors.add(shown.apply("password-file") + " names " + passwordFile.get() + ", which cannot be read");
            }
        }
        String recipient = value.apply("recipient").orElse(user != null && user.contains("@") ? user : null);
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ImapMailboxSettings(name, host, port, security, user, password, token, value.apply("folder").orElse("INBOX"),
                value.apply("done-folder").orElse(doneFolder), recipient));
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
