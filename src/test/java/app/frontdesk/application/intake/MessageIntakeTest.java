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

    /**
     * A NUL in the Message-ID or the envelope (hostile or broken mail) is stored, bytes untouched: intake's rows are
     * written by JDBC, past the converter every other text column has, and PostgreSQL refuses a NUL in text. Before,
     * such a message failed every try of the batch it was in (and its neighbours with it): 451 for ever.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("app.frontdesk.testkit.TestDatabases#both")
    void aNulInTheHeaderOrEnvelopeIsStoredNotRefusedForEver(String name, java.util.function.Supplier<app.frontdesk.infrastructure.persistence.DatabaseSettings> database)
            throws Exception {
        try (GatewayFixture gw = new GatewayFixture(database.get())) {
            byte[] raw = ("Message-ID: <nul\u0000id@hostile.example>\r\nFrom: x@hostile.example\r\nSubject: hi\r\n\r\nbody\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long id = gw.intake.accept(raw, new Envelope("x\u0000@hostile.example", "support@frontdesk.test")).id();
            assertArrayEquals(raw, gw.db.inTransaction(r -> r.inbound().rawBytes(id)), "stored exactly");
            org.junit.jupiter.api.Assertions.assertEquals("<nul\uFFFDid@hostile.example>",
                    gw.db.inTransaction(r -> r.inbound().find(id)).orElseThrow().messageId());
        }
    }
}
