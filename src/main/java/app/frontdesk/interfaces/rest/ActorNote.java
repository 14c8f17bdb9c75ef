package app.frontdesk.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.BadRequestException;

/**
 * Who acts through the administrator's token and what they say they did, read the same way by every resource:
 * {@code {"note": "...", "actor": "olga"}}. The token belongs to no person, so the audit trail names the API and,
 * when the body names one, the person ("admin-api: olga"); a person's action without a note says nothing to whoever
 * reads the trail later, so the note is required.
 */
final class ActorNote {

    /** The token's own name in the audit trail. */
    static final String API = "admin-api";

    private ActorNote() {
    }

    /** "admin-api: olga" when the body names a person, else "admin-api". */
    static String actor(JsonObject o) {
        return actor(o.get("actor") instanceof JsonString s ? s.getString() : null);
    }

    /** As {@link #actor(JsonObject)}, from the name alone (null or blank: nobody named). */
    static String actor(String name) {
        return name == null || name.isBlank() ? API : API + ": " + name.strip();
    }

    /** The note, stripped; 400 when it is missing, not text or blank. */
    static String note(JsonObject o) {
        if (!(o.get("note") instanceof JsonString s) || s.getString().isBlank()) {
            throw new BadRequestException("\"note\" is required: say what was done and why");
        }
        return s.getString().strip();
    }
}
