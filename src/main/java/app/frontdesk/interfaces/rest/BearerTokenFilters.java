package app.frontdesk.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Bearer-token checks for {@link MtaOrAdmin} and {@link AdminOnly} endpoints. */
public final class BearerTokenFilters {

    private BearerTokenFilters() {
    }

    static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    static void refuse(ContainerRequestContext request) {
        request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"frontdesk\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody("a valid bearer token is required")).build());
    }

    @Provider
    @MtaOrAdmin
    @Priority(Priorities.AUTHENTICATION)
    public static class Mta implements ContainerRequestFilter {
        @Inject
        ApiTokens tokens;

        @Override
        public void filter(ContainerRequestContext request) {
            if (!tokens.mayDeliver(bearer(request))) {
                tokens.deliveryRefused();
                refuse(request);
            }
        }
    }

    @Provider
    @AdminOnly
    @Priority(Priorities.AUTHENTICATION)
    public static class Admin implements ContainerRequestFilter {
        @Inject
        ApiTokens tokens;

        @Override
        public void filter(ContainerRequestContext request) {
            if (!tokens.isAdmin(bearer(request))) {
                refuse(request);
            }
        }
    }
}
