package app.frontdesk.application.staff;

import app.frontdesk.domain.model.staff.Viewer;
import java.time.Instant;

/** What a sign-in attempt came to. A wrong login and a wrong password look the same to the caller. */
public sealed interface SignIn {

    record Welcome(Viewer viewer) implements SignIn {
    }

    record Refused() implements SignIn {
    }

    /** Too many wrong passwords lately; the password was not even checked. */
    record Throttled(Instant until) implements SignIn {
    }
}
