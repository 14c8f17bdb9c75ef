package app.frontdesk.interfaces.rest;

/**
 * The bearer tokens of the machines that call the API: the mail server's (intake only) and the
 * administrator's (everything). The wiring supplies them; the HTTP layer only compares.
 */
public interface ApiTokens {

    /** The mail server's token or the administrator's. */
    boolean mayDeliver(String bearer);

    boolean isAdmin(String bearer);

    /** A delivery was refused: the administrator must hear of it (the mail server only defers). */
    void deliveryRefused();
}
