package app.frontdesk.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why the gateway cannot start, as one line an operator can act on, and the exit code a service
 * manager reads (sysexits.h: 78 configuration, 69 a service we need is unavailable, 70 our fault).
 * A start that cannot work must stop at once and say why (issue 13): Payara would otherwise keep
 * running without the application and answer 404s.
 */
record StartFailure(String line, int exitCode) {

    static final int CONFIGURATION = 78;
    static final int UNAVAILABLE = 69;
    static final int SOFTWARE = 70;

    /** Whether the cause is one we expect and explain fully, so that no stack trace is needed. */
    boolean expected() {
        return exitCode != SOFTWARE;
    }

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
            String type = t.getClass().getName();
            if (type.equals("app.frontdesk.application.texts.InvalidTemplateException")) {
                return new StartFailure("a template was refused: " + oneLine(m) + "; correct it in FRONTDESK_TEMPLATES_DIR and start again",
                        CONFIGURATION);
            }
            if (type.startsWith("org.flywaydb.")) {
                return new StartFailure("the database schema could not be migrated: " + oneLine(m)
                        + "; the database was left as it was, restore it or ask for help with this line", SOFTWARE);
            }
            if (type.equals("org.postgresql.util.PSQLException") || type.endsWith("PoolInitializationException")
                    || m.toLowerCase(Locale.ROOT).contains("connection refused")) {
                return new StartFailure("the database cannot be reached: " + oneLine(root(chain).getMessage())
                        + "; check FRONTDESK_DB_URL, FRONTDESK_DB_USER and that the database runs", UNAVAILABLE);
            }
        }
        Throwable root = root(chain);
        return new StartFailure(root.getClass().getSimpleName() + ": " + oneLine(String.valueOf(root.getMessage())), SOFTWARE);
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
