package app.frontdesk.interfaces.rest;

import app.frontdesk.application.DatabaseUnavailableException;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.instances.Admission;
import app.frontdesk.application.intake.InboundQueries;
import app.frontdesk.application.intake.IntakeResult;
import app.frontdesk.application.intake.MessageTooLargeException;
import app.frontdesk.application.intake.NotAMessageException;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.outbox.OutboundMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Where the mail server hands over messages (through frontdesk-pipe), and where their fate can be read. */
@Path("inbound")
// One instance for all requests (it holds only injected services; each request's data comes as parameters): as
// @RequestScoped, Weld built an instance for every message, 29 % of an HTTP thread's time in /api/inbound (flight
// recording, 2026-11-29).
@ApplicationScoped
@SecurityRequirement(name = "bearer")
public class InboundResource {

    private static final Logger LOG = Logger.getLogger(InboundResource.class.getName());

    @Inject
    MessageIntake intake;

    @Inject
    InboundQueries queries;

    @Inject
    Admission admission;

    public record Accepted(long id, String status) {
    }

    public record Status(long id, String state, String route, Long accountId, Long caseId, String reason, String messageId,
                         String from, String subject, String envelopeSender, String envelopeRecipient, long size,
                         int attempts, Instant receivedAt, Instant processedAt, List<Sent> outbox) {
    }

    public record Sent(long id, String kind, String state, List<String> recipients, int attempts, String lastError) {
    }

    @BodyLimit(bytes = BodyLimit.OWN) // intake reads up to FRONTDESK_MAX_MESSAGE_BYTES and answers 413 itself
    @POST
    @MtaOrAdmin
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Store one message exactly as received (body: message/rfc822), then route it asynchronously")
    @APIResponse(responseCode = "202", description = "stored: {\"id\", \"status\": \"accepted\" | \"duplicate\"}")
    @APIResponse(responseCode = "401", description = "wrong or missing token")
    @APIResponse(responseCode = "415", description = "recognisably not a message (JSON, a web form, markup); nothing stored")
    @APIResponse(responseCode = "413", description = "over FRONTDESK_MAX_MESSAGE_BYTES; can never be accepted")
    @APIResponse(responseCode = "503", description = "could not be stored now; the mail server should retry")
    @RequestBody(required = true, content = @Content(mediaType = "message/rfc822", schema = @Schema(type = SchemaType.STRING,
            format = "binary")))
    public Response accept(InputStream body, @QueryParam("sender") String sender, @QueryParam("recipient") String recipient,
                           @HeaderParam("Content-Length") Long contentLength, @HeaderParam("Content-Type") String contentType) {
        if (contentLength != null && contentLength > intake.maxBytes()) {
            return tooLarge(intake.maxBytes());
        }
        if (!admission.enter()) {
            // stopping (SIGTERM): another instance, or this one restarted, takes it when the mail server retries
            return ErrorMappers.json(Response.Status.SERVICE_UNAVAILABLE, "this gateway is stopping; retry later");
        }
        try {
            IntakeResult result = intake.accept(body, contentLength == null ? -1 : contentLength, new Envelope(sender, recipient),
                    contentType);
            return Response.accepted(new Accepted(result.id(), result.status())).build();
        } catch (NotAMessageException e) {
            return ErrorMappers.json(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
        } catch (MessageTooLargeException e) {
            return tooLarge(e.limit());
        } catch (IOException e) {
            return ErrorMappers.json(Response.Status.BAD_REQUEST, "the message body could not be read: " + e.getMessage());
        } catch (DatabaseUnavailableException e) {
            // said once per outage by the database layer; a stack trace per deferred message helps nobody
            return ErrorMappers.json(Response.Status.SERVICE_UNAVAILABLE, "the message could not be stored now; retry later");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not store an inbound message; answering 503 so the mail server retries", e);
            return ErrorMappers.json(Response.Status.SERVICE_UNAVAILABLE,
                    "the message could not be stored now; retry later");
        } finally {
            admission.leave();
        }
    }

    private static Response tooLarge(long limit) {
        return ErrorMappers.json(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "message too large: Frontdesk accepts messages up to " + limit + " bytes");
    }

    @GET
    @Path("{id}")
    @MtaOrAdmin
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What became of a message: state, route, account, reason, and the mails it caused")
    public Status status(@PathParam("id") long id) {
        return queries.status(id, (m, caused) -> new Status(m.id(), m.state().name(), m.route() == null ? null : m.route().name(),
                m.accountId(), m.caseId(), m.reason(), m.messageId(), m.fromAddress(), m.subject(), m.envelope().sender(),
                m.envelope().recipient(), m.sizeBytes(), m.attempts(), m.receivedAt(), m.processedAt(),
                caused.stream().map(InboundResource::sent).toList()))
                .orElseThrow(() -> new NotFoundException("no inbound message " + id));
    }

    @GET
    @Path("{id}/raw")
    @AdminOnly
    @Produces("message/rfc822")
    @Operation(summary = "The message's bytes exactly as received (administrators only)")
    public byte[] raw(@PathParam("id") long id) {
        return queries.raw(id).orElseThrow(() -> new NotFoundException("no inbound message " + id));
    }

    private static Sent sent(OutboundMail o) {
        return new Sent(o.id(), o.kind().name(), o.state().name(), o.recipients(), o.attempts(), o.lastError());
    }
}
