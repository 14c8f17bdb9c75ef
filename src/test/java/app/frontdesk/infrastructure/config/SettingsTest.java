package app.frontdesk.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
