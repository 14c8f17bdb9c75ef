package app.frontdesk.interfaces.rest;

import app.frontdesk.application.cases.CaseActions;
import app.frontdesk.application.texts.Languages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * One-click links from our mails. No token: the signed link is the credential. GET only shows what
 * the button will do, because mail scanners and previews open links; the button POSTs, once.
 */
@Path("links/{token}")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class LinkResource {

    @Inject
    CaseActions actions;

    @Context
    HttpHeaders headers;

    @GET
    public Response open(@PathParam("token") String token) {
        return page(actions.open(token, language()));
    }

    @POST
    public Response press(@PathParam("token") String token) {
        return page(actions.press(token, language()));
    }

    private Locale language() {
        // the raw header: JAX-RS's parsed list throws on a malformed one, which answered 500 (review of 2026-11-28)
        return Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), actions.defaultLanguage());
    }

    private static Response page(String html) {
        // Not cached, not framed, no script, no guessing of the type: the page acts for a customer, and its
        // text holds what a stranger wrote (a name, a subject).
        return Response.ok(html).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'").build();
    }
}
