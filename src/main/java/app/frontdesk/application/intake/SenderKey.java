package app.frontdesk.application.intake;

import app.frontdesk.domain.model.inbound.Envelope;

/**
 * Which pipeline worker a message goes to first: a non-negative hash of its sender's address (the
 * From field, else the envelope sender). Messages of one sender then meet in one worker, in order,
 * instead of two workers each holding a batch that waits for the other's lock on that sender's case
 * (measured: most of the pipeline's waiting with two workers). Only a hint for scheduling: a forged
 * From changes which worker reads the message, nothing else.
 */
public final class SenderKey {

    private SenderKey() {
    }

    public static int of(byte[] raw, Envelope envelope) {
        String address = HeaderScanner.fromAddress(raw);
        if (address == null && envelope.sender() != null && !envelope.sender().isBlank()) {
            address = envelope.sender().strip().toLowerCase(java.util.Locale.ROOT);
        }
        return address == null ? 0 : address.hashCode() & Integer.MAX_VALUE; // String.hashCode is the same in every JVM
    }
}
