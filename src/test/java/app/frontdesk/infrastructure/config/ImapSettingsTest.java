package app.frontdesk.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IMAP mailboxes from the environment and from server-config/imap.properties, and what a wrong one says. */
class ImapSettingsTest {

    @TempDir
    Path dir;

    private Settings with(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("FRONTDESK_CONFIG_DIR", dir.toString()));
        all.putAll(env);
        return new Settings(name -> Optional.ofNullable(all.get(name)));
    }

    @Test
    void noHostAndNoFileMeansNoImapIntake() {
        assertFalse(with(Map.of()).imap.enabled());
    }

    @Test
    void oneMailboxFromTheEnvironmentAndMoreFromTheFile() throws Exception {
        Files.writeString(dir.resolve("imap.properties"), String.join("\n",
                "sales.host=outlook.office365.com",
                "sales.user=sales@example.com",
                "sales.token-command=/usr/local/bin/m365-token sales@example.com",
                "billing.host=imap.example.com",
                "billing.security=starttls",
                "billing.user=billing",
                "billing.password=p4ss",
                "billing.recipient=billing@example.com",
                ""));
        Settings s = with(Map.of("FRONTDESK_IMAP_HOST", "imap.gmail.com", "FRONTDESK_IMAP_USER", "support@example.com",
                "FRONTDESK_IMAP_PASSWORD", "app-password", "FRONTDESK_IMAP_SINCE", "2026-11-01", "FRONTDESK_TIME_ZONE", "Europe/Moscow"));
        assertEquals(3, s.imap.mailboxes().size());
        ImapMailboxSettings env = s.imap.mailboxes().get(0);
        assertEquals("default", env.name());
        assertEquals(993, env.port(), "implicit TLS by default");
        assertEquals("support@example.com", env.recipient());
        assertEquals("Frontdesk-Processed", env.doneFolder());
        ImapMailboxSettings billing = s.imap.mailboxes().get(1);
        assertEquals(143, billing.port());
        assertEquals("starttls", billing.security());
        assertTrue(s.imap.mailboxes().get(2).oauth2());
        assertEquals(Instant.parse("2026-10-31T21:00:00Z"), s.imap.since().orElseThrow(), "a date is midnight in FRONTDESK_TIME_ZONE");
        assertFalse(s.imap.mailboxes().toString().contains("p4ss") || s.imap.mailboxes().toString().contains("app-password")
                || s.imap.mailboxes().toString().contains("m365-token"), "no secret in what is logged: " + s.imap.mailboxes());
    }

    @Test
    void everyMistakeIsNamedAndNoSecretIsRepeated() throws Exception {
        Files.writeString(dir.resolve("imap.properties"), "Sales.host=x\nsales.hots=x\nsales.host=imap.example.com\nsales.user=u\n"
                + "sales.password=hunter2\nsales.token-command=echo t\n");
        var e = assertThrows(IllegalArgumentException.class, () -> with(Map.of("FRONTDESK_IMAP_HOST", "imap.example.com",
                "FRONTDESK_IMAP_SECURITY", "none", "FRONTDESK_IMAP_PORT", "99999", "FRONTDESK_IMAP_PASSWORD", "s3cret",
                "FRONTDESK_IMAP_POLL_SECONDS", "0", "FRONTDESK_IMAP_SINCE", "yesterday")));
        String m = e.getMessage();
        assertTrue(m.startsWith("Frontdesk cannot start, the configuration is wrong"), m);
        for (String expected : new String[] {"FRONTDESK_IMAP_SECURITY=none is allowed only for a server on this machine",
            "FRONTDESK_IMAP_PORT must be between 1 and 65535", "FRONTDESK_IMAP_USER is required", "FRONTDESK_IMAP_POLL_SECONDS must be between",
            "FRONTDESK_IMAP_SINCE must be a date", "unknown setting \"sales.hots\"", "mailbox name \"Sales\"",
            "mailbox sales needs exactly one of"}) {
            assertTrue(m.contains(expected), "missing \"" + expected + "\" in: " + m);
        }
        assertFalse(m.contains("s3cret") || m.contains("hunter2"), m);
    }
}
