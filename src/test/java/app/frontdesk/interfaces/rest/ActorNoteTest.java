package app.frontdesk.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.frontdesk.application.json.JsonFactories;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * Every resource names who acted the same way. (A missing note is a 400, which needs the JAX-RS runtime to build:
 * GatewayIT checks it over HTTP for cases and tasks.)
 */
class ActorNoteTest {

    private static JsonObject json(String s) {
        try (var r = JsonFactories.READERS.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }

    @Test
    void theTrailNamesTheApiAndThePersonWhenTheBodyNamesOne() {
        assertEquals("admin-api: olga", ActorNote.actor(json("{\"actor\": \"  olga \"}")));
        assertEquals("admin-api", ActorNote.actor(json("{\"actor\": \"  \"}")));
        assertEquals("admin-api", ActorNote.actor(json("{\"actor\": 7}")), "not text: nobody named");
        assertEquals("admin-api", ActorNote.actor(json("{}")));
        assertEquals("admin-api: Irina (billing)", ActorNote.actor("Irina (billing)"));
    }

    @Test
    void theNoteIsKeptWithoutItsSurroundingSpace() {
        assertEquals("called Anna", ActorNote.note(json("{\"note\": \"  called Anna\\n\"}")));
    }
}
