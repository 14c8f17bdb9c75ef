package app.frontdesk.interfaces.console;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Every console request that changes something carries the session's CSRF token: a form's hidden
 * {@code _csrf} field, or htmx's {@code X-CSRF-Token} header (set by console.js). The session cookie is
 * SameSite=Strict too, and a request the browser marks cross-site is refused before the token is
 * looked at; the token is what still holds where SameSite is not honoured.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class CsrfCheck implements ContainerRequestFilter {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Console forms are small; a larger body is not one of ours. */
    private static final int MAX_FORM = 64 * 1024;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    ConsoleTemplates pages;

    @Inject
    ConsoleSettings settings;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        if ("cross-site".equals(request.getHeaderString("Sec-Fetch-Site"))) {
            refuse(request);
            return;
        }
        HttpSession session = servletRequest.getSession(false);
        String expected = session != null && session.getAttribute(StaffSession.KEY) instanceof StaffSession s ? s.csrf() : null;
        String given = request.getHeaderString(HEADER);
        if (given == null && request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            byte[] body = readUpTo(request.getEntityStream(), MAX_FORM);
            request.setEntityStream(new ByteArrayInputStream(body)); // the resource reads the form again
            given = field(new String(body, StandardCharsets.US_ASCII), FIELD);
            if (given == null && body.length == 0) {
                // the container read the form already (Payara does once a caller is established): it has the fields
                given = servletRequest.getParameter(FIELD);
            }
        }
        if (given == null && request.getMediaType() != null && request.getMediaType().isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            // an upload form cannot set a header without script, and its body is megabytes: the token rides in the action's query
            given = request.getUriInfo().getQueryParameters().getFirst(FIELD);
        }
        if (expected == null || given == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            refuse(request);
        }
    }

    /** 403 with the error page in the reader's language (as {@link ConsoleErrors} answers), not an English line. */
    private void refuse(ContainerRequestContext request) {
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(refusal(pages, settings.company(), servletRequest.getLocale())).build());
    }

    static String refusal(ConsoleTemplates pages, String company, java.util.Locale lang) {
        return pages.render("error", lang, java.util.Map.of("company", company, "expired", true));
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        if (b.length > max) {
            throw new jakarta.ws.rs.WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        return b;
    }

    static String field(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
