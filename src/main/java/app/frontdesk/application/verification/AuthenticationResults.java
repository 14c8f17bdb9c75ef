package app.frontdesk.application.verification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header field (RFC 8601 section 2.2), parsed: the authserv-id
 * that wrote it and its method results. Hand-written because no maintained Java library parses it;
 * it takes comments (nested, with escapes) and CFWS anywhere the grammar allows, quoted values,
 * method versions ({@code dkim/1}), reasons and any number of properties. A field it cannot read
 * is an error: a header we do not understand must never count as a pass.
 *
 * @param authservId lower-cased authserv-id
 * @param results    the method results in the order written (empty for {@code none})
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /**
     * One resinfo: {@code method=result reason=... ptype.property=value ...}.
     *
     * @param method     lower case, without version
     * @param result     lower case (pass, fail, none, ...)
     * @param properties keys {@code ptype.property} in lower case; values as written, unquoted
     */
    public record Result(String method, String result, Map<String, String> properties) {

        public Optional<String> property(String key) {
            return Optional.ofNullable(properties.get(key.toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * The authserv-id a field starts with, lower case, read even when the rest is unreadable (so that an
     * unreadable field of ours is known as ours); empty when the field starts with a method instead
     * ({@code spf=pass ...}, as Microsoft 365 writes it), which no trusted server of ours does.
     */
    public static String leadingId(String value) {
        Reader r = new Reader(value);
        try {
            r.cfws();
            String id = r.authservId();
            r.cfws();
            return r.peek('=') ? "" : id.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Parses the value of one header field (the text after the colon, unfolded or not). */
    public static AuthenticationResults parse(String value) {
        return new Reader(value).header();
    }

    /** The reader over one field value; each method consumes what it names and any CFWS after it. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s == null ? "" : s;
        }

        AuthenticationResults header() {
            cfws();
            int start = i;
            String id = authservId();
            cfws();
            if (peek('=') || peek('/')) { // no authserv-id (Microsoft 365 starts with "spf=pass"): results only, never ours
                i = start;
                return new AuthenticationResults("", results(true));
            }
            // optional authres-version: digits after the id
            if (i < s.length() && Character.isDigit(s.charAt(i))) {
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                cfws();
            }
            return new AuthenticationResults(id.toLowerCase(Locale.ROOT), results(false));
        }

        /** The results after the id; {@code first} when the first result stands without a ";" before it. */
        List<Result> results(boolean first) {
            List<Result> results = new ArrayList<>();
            while (i < s.length()) {
                if (!first) {
                    expect(';');
                }
                first = false;
                cfws();
                if (i >= s.length()) {
                    break; // a trailing ";" is common in the wild and harmless
                }
                String method = keyword("method").toLowerCase(Locale.ROOT);
                cfws();
                if (results.isEmpty() && method.equals("none") && (i >= s.length() || s.charAt(i) != '=')) {
                    cfws();
                    if (i < s.length()) {
                        throw error("nothing may follow \"none\"");
                    }
                    break;
                }
                if (peek('/')) { // method-version
                    i++;
                    cfws();
                    keyword("method version");
                    cfws();
                }
                expect('=');
                cfws();
                String result = keyword("result").toLowerCase(Locale.ROOT);
                cfws();
                Map<String, String> props = new LinkedHashMap<>();
                while (i < s.length() && s.charAt(i) != ';') {
                    String ptype = keyword("property type").toLowerCase(Locale.ROOT);
                    cfws();
                    if (ptype.equals("reason")) {
                        expect('=');
                        cfws();
                        props.put("reason", peek('"') ? quoted() : pvalue());
                        cfws();
                        continue;
                    }
                    if (peek('=')) { // a bare key (Microsoft 365's "action=none"): kept, never read as a verdict
                        i++;
                        cfws();
                        props.putIfAbsent(ptype, pvalue());
                        cfws();
                        continue;
                    }
                    expect('.');
                    cfws();
                    String property = keyword("property").toLowerCase(Locale.ROOT);
                    cfws();
                    expect('=');
                    cfws();
                    props.putIfAbsent(ptype + "." + property, pvalue());
                    cfws();
                }
                results.add(new Result(method, result, Map.copyOf(props)));
            }
            return List.copyOf(results);
        }

        /** Skips folding white space and comments; comments nest and may hold quoted pairs. */
        void cfws() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    i++;
                } else if (c == '(') {
                    int depth = 0;
                    do {
                        char d = s.charAt(i);
                        if (d == '\\') {
                            i++;
                        } else if (d == '(') {
                            depth++;
                        } else if (d == ')') {
                            depth--;
                        }
                        i++;
                    } while (depth > 0 && i < s.length());
                    if (depth > 0) {
                        throw error("a comment is not closed");
                    }
                } else {
                    return;
                }
            }
        }

        /** A keyword: letters, digits, '-' and '_' (RFC 8601 uses the RFC 5321 Keyword, loosened for the wild). */
        String keyword(String what) {
            int start = i;
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) {
                i++;
            }
            if (start == i) {
                throw error("expected a " + what);
            }
            return s.substring(start, i);
        }

        /** The authserv-id: a quoted-string, or a token (RFC 2045) that may hold dots. */
        String authservId() {
            if (peek('"')) {
                return quoted();
            }
            int start = i;
            while (i < s.length() && !isSpecial(s.charAt(i))) {
                i++;
            }
            if (start == i) {
                throw error("expected an authserv-id");
            }
            return s.substring(start, i);
        }

        /**
         * A property value: a value, a domain or an address, as RFC 8601 section 2.2 allows it: an
         * RFC 5322 local part may be quoted ({@code "a;b c"@example.com}) and holds {@code =}, {@code /}
         * and the like (SRS and BATV envelope senders: {@code prvs=1234=x@example.com}); a base64
         * {@code header.b} ends in {@code =} padding; an address literal holds {@code :} and brackets;
         * UTF-8 is allowed (RFC 6532). It ends at white space, a comment or {@code ;}.
         */
        String pvalue() {
            StringBuilder out = new StringBuilder();
            boolean any = false;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '"') {
                    out.append(quoted());
                    any = true;
                } else if (c <= ' ' || c == ';' || c == '(' || c == ')' || c == 0x7f) {
                    break;
                } else {
                    out.append(c);
                    any = true;
                    i++;
                }
            }
            if (!any) {
                throw error("expected a property value");
            }
            return out.toString();
        }

        String quoted() {
            StringBuilder out = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '\\' && i < s.length()) {
                    out.append(s.charAt(i++));
                } else if (c == '"') {
                    return out.toString();
                } else if (c != '\r' && c != '\n') {
                    out.append(c);
                }
            }
            throw error("a quoted value is not closed");
        }

        /** The RFC 2045 tspecials a token (an authserv-id) may not hold; '.', '@' and '/' stay inside ids. */
        private static boolean isSpecial(char c) {
            return c <= ' ' || c == ';' || c == '(' || c == ')' || c == '"' || c == '=' || c == ','
                    || c == '<' || c == '>' || c == '[' || c == ']' || c == '?' || c == '\\';
        }

        boolean peek(char c) {
            return i < s.length() && s.charAt(i) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Authentication-Results not readable at position " + i + ": " + what
                    + " in \"" + (s.length() > 200 ? s.substring(0, 200) + "..." : s) + "\"");
        }
    }
}
