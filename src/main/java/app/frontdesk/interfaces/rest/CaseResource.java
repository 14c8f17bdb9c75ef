package app.frontdesk.interfaces.rest;

import app.frontdesk.application.cases.CaseQueries;
import app.frontdesk.application.cases.CaseActions;
import app.frontdesk.application.cases.CaseRejection;
import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.ActionLink;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Unknown-sender cases for managers and the console (administrator token). */
@Path("cases")
@RequestScoped
@AdminOnly
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseQueries queries;

    @Inject
    CaseActions actions;

    @Inject
    CaseRejection rejection;

    public record CaseSummary(long id, String reference, String kind, String state, String sender, String senderName, Long accountId,
                              int confidence, Instant openedAt, Instant updatedAt, Instant dueAt, Instant expiresAt) {
        static CaseSummary of(SupportCase c) {
            return new CaseSummary(c.id(), c.reference(), c.kind().name(), c.state().name(), c.sender(), c.senderName().orElse(null),
                    c.accountId().orElse(null), c.confidence(), c.openedAt(), c.updatedAt(), c.dueAt(), c.expiresAt());
        }
    }

    public record Event(Instant at, String actor, String kind, String detail) {
    }

    public record MessageView(long id, String state, String route, String subject, Instant receivedAt, String reason) {
    }

    public record MailView(long id, String kind, List<String> to, String state, int attempts, String lastError) {
    }

    public record LinkView(long id, String action, String issuedTo, Instant expiresAt, Instant usedAt) {
    }

    public record CaseDetail(CaseSummary summary, String evidence, String closedNote, List<Event> timeline,
                             List<MessageView> messages, List<MailView> sent, List<LinkView> links) {
    }

    @GET
    @Operation(summary = "Cases, newest first; ?state=OPEN|AWAITING_AUTHORIZATION|RESOLVED|REJECTED|EXPIRED")
    public List<CaseSummary> list(@QueryParam("state") String state, @QueryParam("limit") @DefaultValue("100") int limit) {
        Optional<CaseState> s;
        try {
            s = state == null || state.isBlank() ? Optional.empty() : Optional.of(CaseState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state must be one of OPEN, AWAITING_AUTHORIZATION, RESOLVED, REJECTED, EXPIRED");
        }
        int n = Math.max(1, Math.min(limit, 1000));
        return queries.list(s, n, CaseSummary::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One case with its timeline, messages, what was sent and the links")
    public CaseDetail get(@PathParam("id") long id) {
        return queries.detail(id, (c, messages, sent, links) -> new CaseDetail(CaseSummary.of(c), c.evidence(), c.closedNote(),
                c.timeline().stream().map(e -> new Event(e.occurredAt(), e.actor(), e.kind(), e.detail())).toList(),
                messages.stream().map(CaseResource::message).toList(),
                sent.stream().map(CaseResource::mail).toList(),
                links.stream().map(CaseResource::link).toList()))
                .orElseThrow(() -> new NotFoundException("no case " + id));
    }

    @POST
    @Path("{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve: {note, authorizeForAccount?}; with an account the sender becomes its contact and held mail is released")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"note\": \"called Anna, she confirmed\", \"authorizeForAccount\": 51, \"actor\": \"olga\"}"))
    public Response resolve(@PathParam("id") long id, String body) {
        JsonObject json = json(body);
        Long account = json.get("authorizeForAccount") instanceof JsonNumber n ? n.longValue() : null;
        return act(() -> actions.resolve(id, ActorNote.actor(json), ActorNote.note(json), account), id);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject: {note}; the case is closed as suspicious and the manager alerted")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"note\": \"Anna says nobody of theirs wrote this\", \"actor\": \"olga\"}"))
    public Response reject(@PathParam("id") long id, String body) {
        JsonObject json = json(body);
        return act(() -> rejection.reject(id, ActorNote.actor(json), ActorNote.note(json)), id);
    }

    private Response act(java.util.function.Supplier<Optional<SupportCase>> action, long id) {
        try {
            SupportCase c = action.get().orElseThrow(() -> new NotFoundException("no case " + id));
            return Response.ok(CaseSummary.of(c)).build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(new ErrorBody(e.getMessage(), List.of())).build();
        }
    }

    private static JsonObject json(String body) {
        try (var reader = JsonFactories.READERS.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new BadRequestException("the body must be a JSON object: " + e.getMessage());
        }
    }

    private static MessageView message(InboundMessage m) {
        return new MessageView(m.id(), m.state().name(), m.route() == null ? null : m.route().name(), m.subject(), m.receivedAt(), m.reason());
    }

    private static MailView mail(OutboundMail o) {
        return new MailView(o.id(), o.kind().name(), o.recipients(), o.state().name(), o.attempts(), o.lastError());
    }

    private static LinkView link(ActionLink l) {
        return new LinkView(l.id(), l.action().name(), l.issuedTo(), l.expiresAt(), l.usedAt());
    }
}
