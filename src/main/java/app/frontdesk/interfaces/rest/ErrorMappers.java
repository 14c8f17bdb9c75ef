package app.frontdesk.interfaces.rest;

import app.frontdesk.application.ImportProblem;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error becomes a short JSON answer. Stack traces and exception texts of internal faults go
 * to the log under a reference, never into the HTTP answer.
 */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Throwable json = jsonCause(e);
        if (json != null) {
            return json(Response.Status.BAD_REQUEST, "the body is not valid JSON for this endpoint: "
                    + firstLine(json.getMessage()));
        }
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String text = status >= 500 ? "internal error" : firstLine(web.getMessage());
            return json(Response.Status.fromStatusCode(status), text);
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "internal error, reference " + reference, e);
        return json(Response.Status.INTERNAL_SERVER_ERROR, "internal error (reference " + reference + " in the server log)");
    }

    private static Throwable jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return t;
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static Response json(Response.Status status, String text) {
        return Response.status(status == null ? Response.Status.INTERNAL_SERVER_ERROR : status)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(text)).build();
    }

    /** 400 for refused input (a file, a record): a sentence, and every problem with its line or record number. */
    static Response refused(String error, List<ImportProblem> problems) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(error, problems.stream().map(p -> new ErrorBody.Problem(p.line(), p.problem())).toList())).build();
    }
}
