package app.frontdesk.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets strict = new WebhookTargets(false);

    @Test
    void publicAddressesAndNamesMayBeUsed() {
        for (String url : List.of("https://hooks.example.com/x", "http://93.184.216.34:8080/x", "https://[2001:4860:4860::8888]/x",
                "http://172.32.0.1/x", "http://100.128.0.1/x")) {
            assertEquals(Optional.empty(), strict.problem(url), url);
        }
    }

    @Test
    void everyPrivateKindOfAddressIsRefusedAndAllowedOnlyByTheSetting() {
        for (String url : List.of("http://127.0.0.1/x", "http://127.1.2.3/x", "http://169.254.169.254/x", "http://10.0.0.1/x",
                "http://172.16.0.1/x", "http://172.31.255.255/x", "http://192.168.1.1/x", "http://100.64.0.1/x", "http://0.0.0.0/x",
                "http://224.0.0.1/x", "http://[::1]/x", "http://[fe80::1]/x", "http://[fc00::1]/x", "http://[::ffff:10.0.0.1]/x",
                "http://LOCALHOST/x", "http://metadata.google.internal/x")) {
            assertTrue(strict.problem(url).orElse("").contains("FRONTDESK_WEBHOOK_ALLOW_PRIVATE"), url);
            assertEquals(Optional.empty(), new WebhookTargets(true).problem(url), url);
        }
    }

    @Test
    void whatIsNoHttpUrlIsRefusedWhateverTheSetting() {
        for (String url : List.of("ftp://example.com/x", "file:///etc/passwd", "http:///x", "not a url", "javascript:alert(1)")) {
            assertTrue(new WebhookTargets(true).problem(url).isPresent(), url);
        }
    }
}
