package app.frontdesk.testkit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Known-contact messages handed to gateways over HTTP as a mail server would: numbered, each with its own
 * Message-ID, and what a gateway answered. Also counts, per Message-ID, the forwards a GreenMail received.
 */
public final class MailStream {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String prefix;

    public MailStream(String prefix) {
        this.prefix = prefix;
    }

    public byte[] message(int i) {
        return TestMail.from("john.doe@northwind.example").messageId("<" + prefix + "-" + i + "@northwind.example>")
                .subject("Order " + i).bytes();
    }

    public String messageId(int i) {
        return "<" + prefix + "-" + i + "@northwind.example>";
    }

    /**
     * Hands message {@code i} to the gateway at {@code url}.
     *
     * @return the HTTP status, or -1 when no connection was made (refused), or -2 when a connection was made and broke
     */
    public int post(String url, int i) throws InterruptedException {
        return answer(url, i).status();
    }

    /** The status (as {@link #post}) and the body of the answer. */
    public record Answer(int status, String body) {
    }

    public Answer answer(String url, int i) throws InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/api/inbound")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + GatewayProcess.MTA_TOKEN).header("Content-Type", "message/rfc822")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message(i))).build();
        try {
            HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(a.statusCode(), a.body());
        } catch (java.net.ConnectException e) {
            return new Answer(-1, e.toString());
        } catch (IOException e) {
            return new Answer(e.getCause() instanceof java.net.ConnectException ? -1 : -2, e.toString());
        }
    }

    /** Forwards of this stream's messages that {@code smtp} received, by Message-ID. */
    public Map<String, Integer> forwards(GreenMail... smtp) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (GreenMail g : smtp) {
            for (MimeMessage m : g.getReceivedMessages()) {
                if (m.getMessageID() != null && m.getMessageID().startsWith("<" + prefix + "-")) {
                    counts.merge(m.getMessageID(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
