package app.frontdesk.infrastructure.mail;

import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The default transport when no SMTP server is configured: each mail becomes
 * {@code outbox-<id>.eml} in a folder, preceded by two headers that show the envelope. The file is
 * written under a temporary name and moved into place, and its name is fixed by the outbox row, so
 * a retried mail replaces its file instead of adding a second one.
 */
public final class FileMailTransport implements MailTransport {

    private final Path dir;

    public FileMailTransport(Path dir) {
        this.dir = dir;
    }

    @Override
    public Connection open() throws IOException {
        Files.createDirectories(dir);
        return new Connection() {
            @Override
            public void send(OutboundMail mail, Bytes bytes) throws IOException {
                Path target = dir.resolve("outbox-" + mail.id() + ".eml");
                Path tmp = dir.resolve(".outbox-" + mail.id() + ".eml.tmp");
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                    String envelope = "X-Frontdesk-Envelope-From: <" + (mail.envelopeFrom() == null ? "" : mail.envelopeFrom()) + ">\r\n"
                            + "X-Frontdesk-Envelope-To: " + String.join(", ", mail.recipients()) + "\r\n";
                    out.write(envelope.getBytes(StandardCharsets.US_ASCII));
                    bytes.writeTo(out);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String toString() {
        return "files in " + dir;
    }
}
