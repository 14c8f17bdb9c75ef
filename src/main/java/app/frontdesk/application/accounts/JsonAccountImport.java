package app.frontdesk.application.accounts;

import app.frontdesk.application.ImportProblem;
import app.frontdesk.application.json.JsonFactories;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads accounts from a JSON array of account objects (the same shape as POST /api/accounts).
 * Records are numbered from 1; a syntax error is reported with its line and column.
 */
public final class JsonAccountImport {

    private JsonAccountImport() {
    }

    public static Map<Integer, AccountDraft> parse(String json) throws InvalidAccountException {
        JsonValue root;
        try (var reader = JsonFactories.READERS.createReader(new StringReader(json))) {
            root = reader.readValue();
        } catch (JsonParsingException e) {
            var where = e.getLocation();
            throw new InvalidAccountException(List.of(new ImportProblem(where == null ? 0 : (int) where.getLineNumber(),
                    "not valid JSON" + (where == null ? "" : " at line " + where.getLineNumber() + ", column "
                            + where.getColumnNumber()) + ": " + e.getMessage())));
        } catch (RuntimeException e) {
            throw new InvalidAccountException(List.of(new ImportProblem(0, "not valid JSON: " + e.getMessage())));
        }
        if (!(root instanceof JsonArray array)) {
            throw new InvalidAccountException(List.of(new ImportProblem(1, "expected a JSON array of accounts")));
        }
        Map<Integer, AccountDraft> drafts = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                drafts.put(i + 1, draft(array.get(i)));
            } catch (IllegalArgumentException | ClassCastException e) {
                problems.add(new ImportProblem(i + 1, "record " + (i + 1) + ": " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
        return drafts;
    }

    public static AccountDraft draft(JsonValue value) {
        if (!(value instanceof JsonObject o)) {
            throw new IllegalArgumentException("expected an object");
        }
        List<AccountDraft.ContactDraft> contacts = new ArrayList<>();
        for (JsonValue c : array(o, "contacts")) {
            JsonObject co = (JsonObject) c;
            contacts.add(new AccountDraft.ContactDraft(text(co, "address"), text(co, "name"), text(co, "locale"), text(co, "webhookUrl")));
        }
        AccountDraft.ManagerDraft manager = null;
        if (o.get("manager") instanceof JsonObject m) {
            manager = new AccountDraft.ManagerDraft(text(m, "name"), text(m, "address"));
        }
        List<String> domains = array(o, "domains").stream().map(d -> ((JsonString) d).getString()).toList();
        List<AccountDraft.ReferenceDraft> references = new ArrayList<>();
        for (JsonValue r : array(o, "references")) {
            if (!(r instanceof JsonObject ro)) {
                throw new IllegalArgumentException("\"references\" must hold objects {kind, value}");
            }
            references.add(new AccountDraft.ReferenceDraft(text(ro, "kind"), text(ro, "value")));
        }
        return new AccountDraft(text(o, "name"), domains, contacts, manager, references, text(o, "timeZone"), text(o, "businessHours"));
    }

    private static List<JsonValue> array(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw new IllegalArgumentException("\"" + key + "\" must be an array");
        }
        return a;
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string");
        }
        return s.getString();
    }
}
