package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestDatabases;
import app.frontdesk.testkit.TestMail;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageIntakeTest {

    @Test
    void aDeclaredLengthIsReadIntoOneArrayAndMustMatchTheBody() throws Exception {
        try (GatewayFixture gw = new GatewayFixture(TestDatabases.h2(), Map.of("FRONTDESK_MAX_MESSAGE_BYTES", "4096"))) {
            byte[] raw = TestMail.from("a@b.example").bytes();
            long id = gw.intake.accept(new ByteArrayInputStream(raw), raw.length, Envelope.UNKNOWN).id();
            assertArrayEquals(raw, gw.db.inTransaction(r -> r.inbound().rawBytes(id)), "stored exactly");
            assertThrows(IOException.class, () -> gw.intake.accept(new ByteArrayInputStream(raw), raw.length - 1, Envelope.UNKNOWN),
                    "more bytes than declared");
            assertThrows(IOException.class, () -> gw.intake.accept(new ByteArrayInputStream(raw), raw.length + 1, Envelope.UNKNOWN),
                    "fewer bytes than declared");
            assertThrows(MessageTooLargeException.class, () -> gw.intake.accept(new ByteArrayInputStream(new byte[5000]), 5000,
                    Envelope.UNKNOWN), "over the cap before a byte is read");
        }
    }
}
