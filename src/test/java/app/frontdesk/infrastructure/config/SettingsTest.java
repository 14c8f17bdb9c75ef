package app.frontdesk.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settings that follow how the gateway was started. */
class SettingsTest {

    @Test
    void linksPointAtThePortTheGatewayWasStartedOnWhenNoPublicUrlIsSet() {
        assertEquals(8081, Settings.launchPort("target/frontdesk.jar --port 8081 --rootdir /tmp/x"));
        assertEquals(9000, Settings.launchPort("frontdesk.jar --rootdir /tmp/x --port=9000"));
        assertEquals(8080, Settings.launchPort("target/frontdesk.jar"));
        assertEquals(8080, Settings.launchPort(null));
        assertEquals(8080, Settings.launchPort("frontdesk.jar --port 99999"));
        assertEquals(8080, Settings.launchPort("frontdesk.jar --sslport 8443"));
    }

    @Test
    void aPublicUrlThatIsSetWins() {
        Settings s = new Settings(name -> Optional.ofNullable(Map.of("FRONTDESK_PUBLIC_URL", "https://support.example.com").get(name)));
        assertEquals("https://support.example.com", s.publicUrl.toString().replaceAll("/+$", ""));
    }

    private static Settings with(Map<String, String> env) {
        return new Settings(name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void staffReadRussianWhenCustomersDoUnlessToldOtherwise() {
        Locale ru = Locale.forLanguageTag("ru");
        assertEquals(Locale.ENGLISH, with(Map.of()).staffLocale);
        assertEquals(ru, with(Map.of("FRONTDESK_DEFAULT_LOCALE", "ru")).staffLocale);
        assertEquals(ru, with(Map.of("FRONTDESK_DEFAULT_LOCALE", "ru-RU")).staffLocale);
        assertEquals(Locale.ENGLISH, with(Map.of("FRONTDESK_DEFAULT_LOCALE", "ru", "FRONTDESK_STAFF_LOCALE", "en")).staffLocale);
        assertEquals(ru, with(Map.of("FRONTDESK_STAFF_LOCALE", "ru")).staffLocale);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(Map.of("FRONTDESK_STAFF_LOCALE", "de")));
        assertTrue(e.getMessage().contains("FRONTDESK_STAFF_LOCALE must be ru or en"), e.getMessage());
    }

    @Test
    void staffReadTimesInTheGatewaysZoneUnlessTheirsIsSet() {
        assertEquals(ZoneId.of("Europe/Moscow"), with(Map.of()).staffTimeZone);
        assertEquals(ZoneId.of("Asia/Yekaterinburg"), with(Map.of("FRONTDESK_TIME_ZONE", "Asia/Yekaterinburg")).staffTimeZone);
        assertEquals(ZoneId.of("Europe/Samara"), with(Map.of("FRONTDESK_STAFF_TIME_ZONE", "Europe/Samara")).staffTimeZone);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(Map.of("FRONTDESK_STAFF_TIME_ZONE", "Mars/Base")));
        assertTrue(e.getMessage().contains("FRONTDESK_STAFF_TIME_ZONE is not a time zone id"), e.getMessage());
    }

    /**
     * Every whole-number setting is read by one reader: out of range or not a number, the start ends with one line
     * naming the setting and its range, and the value is never used (a number past the range made a duration
     * overflow before the mistake could be said).
     */
    @Test
    void aWholeNumberOutOfRangeOrNotANumberIsOneMistakeNamingTheSettingAndItsRange() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("FRONTDESK_LINK_TTL_DAYS=9223372036854775807", "FRONTDESK_LINK_TTL_DAYS must be between 1 and 90 (was 9223372036854775807)");
        cases.put("FRONTDESK_REPLY_WINDOW_HOURS=99999999999999999999",
                "FRONTDESK_REPLY_WINDOW_HOURS must be between 1 and 720 (was 99999999999999999999)");
        cases.put("FRONTDESK_PIPELINE_WORKERS=two", "FRONTDESK_PIPELINE_WORKERS must be a whole number between 1 and 64 (was \"two\")");
        cases.put("FRONTDESK_SMTP_PORT=0", "FRONTDESK_SMTP_PORT must be between 1 and 65535 (was 0)");
        cases.put("FRONTDESK_IMAP_POLL_SECONDS=0", "FRONTDESK_IMAP_POLL_SECONDS must be between 1 and 3600 (was 0)");
        cases.put("FRONTDESK_IMAP_RESYNC_SECONDS=9223372036854775807",
                "FRONTDESK_IMAP_RESYNC_SECONDS must be between 5 and 86400 (was 9223372036854775807)");
        cases.put("FRONTDESK_IMAP_RESYNC_SECONDS=1.5", "FRONTDESK_IMAP_RESYNC_SECONDS must be a whole number between 5 and 86400 (was \"1.5\")");
        cases.forEach((setting, said) -> {
            String[] kv = setting.split("=", 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(Map.of(kv[0], kv[1])), setting);
            assertEquals("Frontdesk cannot start, the configuration is wrong:\n  - " + said, e.getMessage(), setting);
        });
        assertEquals(90 * 24, with(Map.of("FRONTDESK_LINK_TTL_DAYS", "90")).linkTtl.toHours(), "the top of the range is allowed");
        assertEquals(5, with(Map.of("FRONTDESK_IMAP_RESYNC_SECONDS", " 5 ")).imap.resync().toSeconds(), "and the bottom, stripped");
    }
}
