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
}
