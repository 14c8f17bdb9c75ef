package app.frontdesk.domain.model.outbox;

import java.util.Objects;

/**
 * The bytes of a mail that carries a received message as it is stored (a forward to the helpdesk, an alert
 * with the original attached): {@code before}, then the original's bytes from where its Internet message
 * starts, then {@code after}. The original is not copied into the outbox; it is read from where intake
 * stored it when the mail is sent.
 *
 * @param originalInboundId the inbound message whose bytes go between
 */
public record AroundOriginal(byte[] before, long originalInboundId, byte[] after) {

    public AroundOriginal {
        Objects.requireNonNull(before);
        Objects.requireNonNull(after);
    }
}
