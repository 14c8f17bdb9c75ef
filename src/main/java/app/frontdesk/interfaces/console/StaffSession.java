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

    private StaffSession(String email) {
        this.email = email;
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        this.csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static StaffSession anonymous() {
        return new StaffSession(null);
    }

    /** A new token at sign-in: one seen before it (on the login form) is worth nothing afterwards. */
    static StaffSession signedIn(String email) {
        return new StaffSession(email);
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
