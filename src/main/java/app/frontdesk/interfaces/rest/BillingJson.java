package app.frontdesk.interfaces.rest;

import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.dunning.GateDecision;
import app.frontdesk.application.dunning.NoticeRequest;
import app.frontdesk.domain.model.billing.Money;
import app.frontdesk.domain.model.billing.NoticeKind;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reading billing's JSON with errors that name the field, and writing the gate's answer. */
final class BillingJson {

    private BillingJson() {
    }

    static JsonValue parse(String body) {
        try (var reader = JsonFactories.READERS.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getMessage());
        }
    }

    static JsonObject object(String body) {
        if (!(parse(body) instanceof JsonObject o)) {
            throw new BadRequestException("the body must be a JSON object");
        }
        return o;
    }

    static String text(JsonObject o, String key, boolean required) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            if (required) {
                throw new BadRequestException("\"" + key + "\" is required");
            }
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            // not toPlainString() on anything: 1e400000000 is a few bytes of JSON and 400 million digits as plain text
            BigDecimal d = n.bigDecimalValue();
            if (d.precision() > 40 || Math.abs(d.scale()) > 40) {
                throw new BadRequestException("\"" + key + "\" is out of range");
            }
            return d.toPlainString();
        }
        throw new BadRequestException("\"" + key + "\" must be a string");
    }

    static long number(JsonObject o, String key) {
        if (!(o.get(key) instanceof JsonNumber n) || !n.isIntegral()) {
            throw new BadRequestException("\"" + key + "\" must be a whole number");
        }
        return n.longValue();
    }

    static List<String> texts(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        if (o.get(key) == null) {
            return out;
        }
        if (!(o.get(key) instanceof jakarta.json.JsonArray a)) {
            throw new BadRequestException("\"" + key + "\" must be an array of strings");
        }
        for (JsonValue v : a) {
            if (!(v instanceof JsonString s)) {
                throw new BadRequestException("\"" + key + "\" must be an array of strings");
            }
            out.add(s.getString().strip());
        }
        return out;
    }

    static Money money(JsonObject o, String amountKey, String currencyKey) {
        String amount = text(o, amountKey, true);
        String currency = text(o, currencyKey, true);
        try {
            return Money.of(amount, currency);
        } catch (NumberFormatException e) {
            throw new BadRequestException("\"" + amountKey + "\" is not an amount: " + amount);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("\"" + amountKey + "\"/\"" + currencyKey + "\": " + e.getMessage());
        }
    }

    static Instant instant(JsonObject o, String key, Instant fallback) {
        String v = text(o, key, false);
        if (v == null) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException("\"" + key + "\" must be a date-time with offset, such as 2026-11-21T10:00:00+03:00");
        }
    }

    static NoticeRequest request(JsonObject o, Instant now) {
        NoticeKind kind;
        try {
            kind = NoticeKind.valueOf(text(o, "kind", true).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("\"kind\" must be REMINDER, FINAL or SUSPENSION");
        }
        return new NoticeRequest(number(o, "accountId"), kind, texts(o, "invoices"), money(o, "amount", "currency"), instant(o, "plannedAt", now));
    }

    static JsonObjectBuilder answer(GateDecision d) {
        var reasons = JsonFactories.BUILDERS.createArrayBuilder();
        d.reasons().forEach(r -> reasons.add(JsonFactories.BUILDERS.createObjectBuilder().add("code", r.code()).add("message", r.message())));
        JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("verdict", d.verdict().name()).add("reasons", reasons);
        if (d.holdUntil() != null) {
            b.add("holdUntil", d.holdUntil().toString());
        }
        return b;
    }
}
