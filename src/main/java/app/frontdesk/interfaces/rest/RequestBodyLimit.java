package app.frontdesk.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps every request body at its endpoint's {@link BodyLimit} (1 MiB by default): a declared length
 * over the cap is refused at once, and a body without one (chunked) is cut off the moment it passes
 * the cap. Before this, a 10 MB wording draft kept a core busy for over 20 minutes (review of 2026-11-28).
 */
@Provider
@Priority(Priorities.USER)
public class RequestBodyLimit implements ContainerRequestFilter {

    static final long DEFAULT_BYTES = 1024 * 1024;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limit();
        if (limit == BodyLimit.OWN) {
            return;
        }
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        request.setEntityStream(new Capped(request.getEntityStream(), limit));
    }

    private long limit() {
        BodyLimit own = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(BodyLimit.class);
        if (own == null && resource.getResourceClass() != null) {
            own = resource.getResourceClass().getAnnotation(BodyLimit.class);
        }
        return own == null ? DEFAULT_BYTES : own.bytes();
    }

    static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException("the request body is larger than this endpoint takes (" + limit + " bytes)",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Counts what the endpoint reads and stops it past the cap. */
    private static final class Capped extends FilterInputStream {
        private final long limit;
        private long read;

        Capped(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
