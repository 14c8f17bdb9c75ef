package app.frontdesk.application.outbox;

import java.util.UUID;

/** Message-IDs for mails we send: fixed when the outbox row is written, so a resend is the same mail. */
public final class MessageIds {

    private final String domain;

    public MessageIds(String domain) {
        this.domain = domain;
    }

    public String next() {
        return "<" + UUID.randomUUID() + ".frontdesk@" + domain + ">";
    }

    /** True for a Message-ID that one of our mails carries (mail that came back to us). */
    public boolean isOurs(String messageId) {
        return messageId != null && messageId.strip().endsWith(".frontdesk@" + domain + ">");
    }
}
