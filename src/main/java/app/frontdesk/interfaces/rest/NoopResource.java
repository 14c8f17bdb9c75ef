package app.frontdesk.interfaces.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Reads the body and answers 202 without storing it: the benchmark's yardstick for what HTTP and
 * the token check cost on this machine, next to which intake is measured.
 */
@Path("noop")
public class NoopResource {

    @POST
    @MtaOrAdmin
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Benchmark yardstick: read the body, store nothing, answer 202")
    public Response noop(InputStream body) throws IOException {
        long n = body.transferTo(java.io.OutputStream.nullOutputStream());
        return Response.accepted(new InboundResource.Accepted(n, "ignored")).build();
    }
}
