package app.frontdesk.application.staff;

import app.frontdesk.domain.model.staff.Viewer;
import java.time.Instant;

/** What a sign-in attempt came to. A wrong login and a wrong password look the same to the caller. */
public sealed interface SignIn {

    /** Signed in; {@code credentials} is the password's stamp the session keeps (StaffDirectory#viewer checks it). */
    record Welcome(Viewer viewer, String credentials) implements SignIn {
    }

    record Refused() implements SignIn {
    }

    /** Too many wrong passwords lately; the password was not even checked. */
    record Throttled(Instant until) implements SignIn {
    }
}
