package app.frontdesk.infrastructure.mail;

import app.frontdesk.application.WebhookTargets;
import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhook rows of the outbox as JSON. {@code X-Frontdesk-Signature: sha256=<hex>} is the
 * HMAC-SHA256 of the body with the webhook secret, so the receiver can check it came from us;
 * {@code X-Frontdesk-Delivery} is stable across retries, so it can drop a repeat. Any 2xx is success.
 */
public final class WebhookTransport implements MailTransport {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final byte[] secret;
    private final WebhookTargets targets;

    public WebhookTransport(byte[] secret, WebhookTargets targets) {
        this.secret = secret.clone();
        this.targets = targets;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public void send(OutboundMail mail, Bytes bytes) throws IOException, InterruptedException {
                URI target = URI.create(mail.recipients().get(0));
                targets.checkResolved(target); // again at the post: a name may resolve elsewhere than when it was given
                HttpRequest request = HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("X-Frontdesk-Signature", "sha256=" + sign(mail.raw()))
                        .header("X-Frontdesk-Delivery", mail.messageId())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mail.raw()))
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    String body = response.body();
                    throw new IOException("webhook answered " + response.statusCode() + ": "
                            + (body.length() > 200 ? body.substring(0, 200) : body));
                }
            }

            @Override
            public void close() {
            }
        };
    }

    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
