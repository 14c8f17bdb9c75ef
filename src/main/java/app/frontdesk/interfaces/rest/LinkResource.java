package app.frontdesk.interfaces.rest;

import app.frontdesk.bootstrap.GatewayLifecycle;
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
    GatewayLifecycle lifecycle;

    @Context
    HttpHeaders headers;

    @GET
    public Response open(@PathParam("token") String token) {
        return page(lifecycle.gateway().services().caseActions.open(token, language()));
    }

    @POST
    public Response press(@PathParam("token") String token) {
        return page(lifecycle.gateway().services().caseActions.press(token, language()));
    }

    private Locale language() {
        return headers.getAcceptableLanguages().stream().filter(l -> l.getLanguage().equals("ru") || l.getLanguage().equals("en"))
                .findFirst().orElse(lifecycle.gateway().settings().defaultLocale);
    }

    private static Response page(String html) {
        // Not cached and not framed: the page acts for a customer.
        return Response.ok(html).header("Cache-Control", "no-store").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
