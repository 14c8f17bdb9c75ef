package app.frontdesk.interfaces.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Headers on every console answer. The pages show what strangers wrote (names, subjects, bodies), so
 * no script runs but ours from our own origin (no inline script, no eval), nothing is framed, nothing
 * cached by the browser after sign-out.
 */
@Provider
public class ConsoleHeaders implements ContainerResponseFilter {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var h = response.getHeaders();
        h.putSingle("Content-Security-Policy", CSP);
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("X-Content-Type-Options", "nosniff");
        h.putSingle("Referrer-Policy", "same-origin");
        if (!request.getUriInfo().getPath().startsWith("static/")) {
            h.putSingle("Cache-Control", "no-store");
        }
    }
}
