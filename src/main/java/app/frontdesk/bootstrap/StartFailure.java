package app.frontdesk.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why the gateway cannot start, as one line an operator can act on, and the exit code a service
 * manager reads (sysexits.h: 78 configuration, 69 a service we need is unavailable, 65 the database
 * is not what the migrations expect, 70 our fault). A start that cannot work must stop at once and
 * say why (issue 13): Payara would otherwise keep running without the application and answer 404s.
 */
record StartFailure(String line, int exitCode) {

    static final int CONFIGURATION = 78;
    static final int UNAVAILABLE = 69;
    static final int SOFTWARE = 70;
    /** EX_DATAERR: the data we were given (the database) is wrong; a restart fails the same way, a person must look. */
    static final int DATA = 65;

    /** Whether the cause is one we expect and explain fully, so that no stack trace is needed. */
    boolean expected() {
        return exitCode != SOFTWARE;
    }

    /** How a failure to listen for LMTP begins (Gateway): a port someone else has is a service we lack, not a wrong setting. */
    static final String LMTP_UNAVAILABLE = "LMTP cannot listen on ";

    static StartFailure of(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.startsWith("Frontdesk cannot start, the configuration is wrong")) {
                return new StartFailure("the configuration is wrong: " + oneLine(m.substring(m.indexOf(':') + 1))
                        + "; correct the setting and start again", CONFIGURATION);
            }
            if (m.contains("Database may be already in use")) {
                return new StartFailure("the embedded database is in use by another process (another Frontdesk on the same"
                        + " FRONTDESK_DATA_DIR?): stop that one, or give this one its own FRONTDESK_DATA_DIR", UNAVAILABLE);
            }
            if (m.startsWith(LMTP_UNAVAILABLE)) {
                return new StartFailure(oneLine(m), UNAVAILABLE);
            }
            String type = t.getClass().getName();
            if (type.equals("app.frontdesk.application.texts.InvalidTemplateException")) {
                return new StartFailure("a template was refused: " + oneLine(m) + "; correct it in FRONTDESK_TEMPLATES_DIR and start again",
                        CONFIGURATION);
            }
        }
        // before the migration: Flyway wraps a refused connection too, and that one needs the database started, not restored
        if (chain.stream().anyMatch(StartFailure::cannotConnect)) {
            return unreachable(chain);
        }
        for (Throwable t : chain) {
            if (t.getClass().getName().startsWith("org.flywaydb.")) {
                // the database's content (its tables against its migration history) or an edited migration: a restart
                // fails the same way, so it is said plainly and not hidden in a stack trace
                return new StartFailure("the database schema could not be migrated: " + flywayMessage(t.getMessage())
                        + "; the database was left as it was: restore it from a backup, or ask for help with this line", DATA);
            }
        }
        for (Throwable t : chain) {
            String type = t.getClass().getName();
            if (type.equals("org.postgresql.util.PSQLException") || type.endsWith("PoolInitializationException")
                    || String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("connection refused")) {
                return unreachable(chain);
            }
        }
        Throwable root = root(chain);
        return new StartFailure(root.getClass().getSimpleName() + ": " + oneLine(String.valueOf(root.getMessage())), SOFTWARE);
    }

    private static StartFailure unreachable(List<Throwable> chain) {
        return new StartFailure("the database cannot be reached: " + oneLine(root(chain).getMessage())
                + "; check FRONTDESK_DB_URL, FRONTDESK_DB_USER and that the database runs", UNAVAILABLE);
    }

    /** No connection at all: refused, unknown host, or a connection-class SQL state (08: connection, 28: authorization). */
    private static boolean cannotConnect(Throwable t) {
        if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
            return true;
        }
        String state = t instanceof java.sql.SQLException e ? e.getSQLState() : null;
        return state != null && (state.startsWith("08") || state.startsWith("28"));
    }

    /** Flyway's report without its rulers, its advertising and the advice to run Flyway by hand with -X. */
    private static String flywayMessage(String message) {
        return oneLine(String.valueOf(message).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.matches("-+") && !l.startsWith("Location") && !l.startsWith("Error Code")
                        && !l.startsWith("Statement  : Run Flyway") && !l.startsWith("Need more flexibility"))
                .map(l -> l.replaceAll("\\s+:\\s+", ": ").replaceFirst("^->\\s*", ""))
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    private static Throwable root(List<Throwable> chain) {
        return chain.get(chain.size() - 1);
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s*\\R\\s*-?\\s*", "; ").strip();
        s = s.replaceAll("^;\\s*", "");
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
