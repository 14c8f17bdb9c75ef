package app.frontdesk.interfaces.console;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What the HTTP session holds for the console: who signed in (nothing else about them: their roles are
 * read from the database on every request, so a removed role counts at once) and the CSRF token every
 * state-changing request must carry. Before sign-in only the token is set, for the login form.
 */
public final class StaffSession implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String KEY = "frontdesk.console";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String email;
    private final String csrf;
    /** The stamp of the password signed in with (StaffUser#credentialsStamp): another one in the database ends the session. */
    private volatile String credentials;

    private StaffSession(String email, String credentials) {
        this.email = email;
        this.credentials = credentials;
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        this.csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static StaffSession anonymous() {
        return new StaffSession(null, null);
    }

    /** A new token at sign-in: one seen before it (on the login form) is worth nothing afterwards. */
    static StaffSession signedIn(String email, String credentials) {
        return new StaffSession(email, credentials);
    }

    String credentials() {
        return credentials;
    }

    /** The person changed their own password in this session: it goes on (their other sessions end). */
    void credentialsChanged(String stamp) {
        this.credentials = stamp;
    }

    String email() {
        return email;
    }

    boolean isSignedIn() {
        return email != null;
    }

    String csrf() {
        return csrf;
    }
}
