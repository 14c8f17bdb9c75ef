package app.frontdesk.application.outbox;

import app.frontdesk.domain.model.inbound.InboundRepository;
import app.frontdesk.domain.model.inbound.RawMessage;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes an outbox mail's bytes as they go out: the stored bytes, with a carried original streamed from
 * where intake stored it (from its Internet message's start), so that a 25 MB forward is never a second
 * 25 MB array.
 */
public final class MailBytes {

    private MailBytes() {
    }

    public static MailTransport.Bytes of(OutboundMail mail, InboundRepository inbound) {
        return out -> write(mail, inbound, out);
    }

    static void write(OutboundMail mail, InboundRepository inbound, OutputStream out) throws IOException {
        if (mail.carriesOriginal().isEmpty()) {
            out.write(mail.raw());
            return;
        }
        out.write(mail.before());
        try {
            inbound.readRaw(mail.carriesOriginal().get(), raw -> RawMessage.fromMessageStart(raw).transferTo(out));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write(mail.after());
    }
}
