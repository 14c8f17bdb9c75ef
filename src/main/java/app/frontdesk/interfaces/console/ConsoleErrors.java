package app.frontdesk.interfaces.console;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Console errors as pages in the reader's language, never a stack trace: "not found" is also what
 * a manager sees for another manager's case (it exists, but not for them).
 */
@Provider
public class ConsoleErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ConsoleErrors.class.getName());

    @Inject
    ConsoleTemplates pages;

    @Inject
    ConsoleSettings settings;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof NotAuthorizedException) {
            HttpSessionEnd.end(request);
            return Response.seeOther(URI.create("/console/login")).build();
        }
        int status = e instanceof WebApplicationException w ? w.getResponse().getStatus() : 500;
        if (status >= 500) {
            LOG.log(Level.WARNING, "console request failed: " + request.getRequestURI(), e);
        }
        if (status == 405 || status == 415 || status == 413) {
            return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(Response.Status.fromStatusCode(status) + "").build();
        }
        Map<String, Object> m = new HashMap<>();
        m.put("company", settings.company());
        m.put(status == 404 ? "notFound" : "failed", true);
        Locale lang = request.getLocale();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(pages.render("error", lang, m)).build();
    }

    /** Ends the session of a person who is no longer allowed in (disabled, removed). */
    static final class HttpSessionEnd {
        private HttpSessionEnd() {
        }

        static void end(HttpServletRequest request) {
            var s = request.getSession(false);
            if (s != null) {
                s.invalidate();
            }
        }
    }
}
