package app.frontdesk.interfaces.rest;

import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.application.WebhookTargets;
import app.frontdesk.application.dunning.NoticeQueries;
import app.frontdesk.application.dunning.NoticeBatches;
import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeApprovals;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The dunning gate for billing (administrator token). */
@Path("notices")
@RequestScoped
@AdminOnly
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    NoticeDesk notices;

    @Inject
    NoticeBatches batches;

    @Inject
    NoticeQueries queries;

    @Inject
    WebhookTargets webhookTargets;

    @Inject
    NoticeApprovals approvals;

    @POST
    @Path("check")
    @Operation(summary = "Dry run: {accountId, kind, invoices[], amount, currency, plannedAt?} -> {verdict, reasons[], holdUntil?}")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"accountId\": 51, \"kind\": \"SUSPENSION\", \"invoices\": [\"INV-2026-0042\"], \"amount\": \"1500.00\", \"currency\": \"RUB\", \"plannedAt\": \"2026-11-28T09:00:00Z\"}"))
    public Response check(String body) {
        JsonObject o = BillingJson.object(body);
        return act(() -> notices.check(BillingJson.request(o, null)));
    }

    @POST
    @Operation(summary = "Submit: the check's fields plus mail {to[], subject, body}, callbackUrl?, externalRef?; Frontdesk sends it if and when allowed")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"accountId\": 51, \"kind\": \"SUSPENSION\", \"invoices\": [\"INV-2026-0042\"], \"amount\": \"1500.00\", \"currency\": \"RUB\", \"mail\": {\"to\": [\"anna@romashka.example\"], \"subject\": \"Service suspension\", \"body\": \"...\"}, \"callbackUrl\": \"https://billing.example/hooks/notices\", \"externalRef\": \"N-7\"}"))
    public Response submit(String body) {
        JsonObject o = BillingJson.object(body);
        if (!(o.get("mail") instanceof JsonObject mail)) {
            throw new BadRequestException("\"mail\" {to[], subject, body} is required to submit a notice");
        }
        List<String> to = BillingJson.texts(mail, "to");
        if (to.isEmpty() || to.stream().anyMatch(a -> app.frontdesk.domain.model.account.EmailAddress.parse(a).isEmpty())) {
            throw new BadRequestException("\"mail.to\" must list the recipients' mail addresses");
        }
        String callback = BillingJson.text(o, "callbackUrl", false);
        if (callback != null) {
            webhookTargets.problem(callback).ifPresent(p -> {
                throw new BadRequestException("\"callbackUrl\" is " + p);
            });
        }
        var submission = new NoticeDesk.Submission(BillingJson.request(o, null), to,
                BillingJson.text(mail, "subject", true), BillingJson.text(mail, "body", true), callback, BillingJson.text(o, "externalRef", false));
        return act(() -> notices.submit(submission));
    }

    /** One line of the list of notices. */
    public record NoticeSummary(long id, long accountId, String kind, String state, String claimed, List<String> invoices,
                                String subject, String externalRef, String plannedAt, String holdUntil, String updatedAt) {
    }

    @GET
    @Operation(summary = "Notices by state, oldest first: ?state=HELD (default; also SCHEDULED, QUEUED, SENT, BLOCKED, comma-separated)"
            + " &limit=100 (at most 1000)")
    public List<NoticeSummary> list(@jakarta.ws.rs.QueryParam("state") @jakarta.ws.rs.DefaultValue("HELD") String state,
                                    @jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("100") int limit) {
        List<NoticeState> states = new java.util.ArrayList<>();
        for (String s : state.split(",")) {
            try {
                states.add(NoticeState.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("state must be HELD, SCHEDULED, QUEUED, SENT or BLOCKED (was \"" + s.strip() + "\")");
            }
        }
        return queries.list(states, Math.max(1, Math.min(limit, 1000)), n -> new NoticeSummary(n.id(), n.accountId(), n.kind().name(),
                n.state().name(), n.claimed().toString(), n.invoices(), n.subject(), n.externalRef(), n.plannedAt().toString(),
                n.holdUntil().map(Object::toString).orElse(null), n.updatedAt().toString()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A submitted notice: state, hold, and every decision with its reasons and the data it saw")
    public Response get(@PathParam("id") long id) {
        return queries.notice(id, (n, seen) -> {
            var decisions = JsonFactories.BUILDERS.createArrayBuilder();
            seen.forEach(d -> decisions.add(JsonFactories.BUILDERS.createObjectBuilder().add("id", d.id()).add("verdict", d.verdict().name())
                    .add("cause", d.cause()).add("decidedAt", d.decidedAt().toString())
                    .add("reasons", JsonFactories.READERS.createReader(new java.io.StringReader(d.reasons())).readArray())
                    .add("dataSeen", JsonFactories.READERS.createReader(new java.io.StringReader(d.dataSeen())).readObject())));
            var b = JsonFactories.BUILDERS.createObjectBuilder().add("id", n.id()).add("accountId", n.accountId()).add("kind", n.kind().name())
                    .add("state", n.state().name()).add("claimed", n.claimed().toString()).add("plannedAt", n.plannedAt().toString())
                    .add("invoices", JsonFactories.BUILDERS.createArrayBuilder(n.invoices())).add("decisions", decisions);
            n.holdUntil().ifPresent(h -> b.add("holdUntil", h.toString()));
            return Response.ok(b.build().toString()).build();
        }).orElseThrow(() -> new NotFoundException("no notice " + id));
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (release) a held notice: {reason, actor?, decision?}; the holds a person may approve are accepted as they"
            + " are now and the notice is decided again -> {noticeId, state, verdict, reasons[], holdUntil?}; 404 no such notice,"
            + " 409 not held / decided again since `decision` / only the business-time hold is left")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"reason\": \"The customer confirmed the debt on the phone\", \"actor\": \"Irina (billing)\", \"decision\": 901}"))
    public Response approve(@PathParam("id") long id, String body) {
        JsonObject o = BillingJson.object(body == null || body.isBlank() ? "{}" : body);
        String reason = BillingJson.text(o, "reason", true);
        String actor = BillingJson.text(o, "actor", false);
        Long seen = o.containsKey("decision") ? BillingJson.number(o, "decision") : null;
        // the machine's token approves like billing does: every account's notices, no block overridden (that is for a person)
        String who = ActorNote.actor(actor);
        Viewer machine = new Viewer(0, who, who, java.util.Set.of(StaffRole.BILLING), java.util.Locale.ENGLISH);
        NoticeApprovals.Outcome outcome;
        try {
            outcome = approvals.approveAs(machine, id, reason, seen).orElseThrow(() -> new NotFoundException("no notice " + id));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        if (!outcome.done()) {
            String why = switch (outcome.problem()) {
                case STATE -> "notice " + id + " is " + outcome.state() + ", not held";
                case STALE -> "notice " + id + " was decided again after decision " + seen + "; read it again (GET /api/notices/" + id + ")";
                case NOTHING_TO_APPROVE -> "only the business-time hold is left; the notice goes out by itself when it ends";
            };
            return Response.status(Response.Status.CONFLICT).entity(new ErrorBody(why, List.of())).build();
        }
        return Response.ok(BillingJson.answer(outcome.decision()).add("noticeId", id).add("state", outcome.state().name()).build().toString())
                .build();
    }

    @BodyLimit(bytes = 64L * 1024 * 1024) // 100,000 notices and more
    @POST
    @Path("batches")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "A file of planned notices (CSV account_id,kind,invoices,amount,currency,planned_at or a JSON array of checks):"
            + " 202 {batchId}; every bad line reported, nothing queued")
    @RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            example = "account_id,kind,invoices,amount,currency,planned_at\n51,REMINDER,INV-2026-0042,1500.00,RUB,2026-11-28T09:00:00Z"))
    public Response batch(String body) {
        try {
            long id = batches.submit(NoticeBatches.parse(body == null ? "" : body));
            return Response.accepted(JsonFactories.BUILDERS.createObjectBuilder().add("batchId", id).build().toString()).build();
        } catch (app.frontdesk.application.ImportRefused e) {
            return ErrorMappers.refused("the file was refused; nothing was queued", e.problems());
        }
    }

    @GET
    @Path("batches/{id}")
    @Operation(summary = "Progress of a batch: state, total, done")
    public Response batchState(@PathParam("id") long id) {
        return queries.batch(id, b -> {
            var o = JsonFactories.BUILDERS.createObjectBuilder().add("batchId", b.id()).add("state", b.state().name()).add("total", b.total()).add("done", b.done());
            if (b.error() != null) {
                o.add("error", b.error());
            }
            return Response.ok(o.build().toString()).build();
        }).orElseThrow(() -> new NotFoundException("no batch " + id));
    }

    @GET
    @Path("batches/{id}/verdicts")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The verdict table, in row order: JSON, or CSV (row,account_id,verdict,codes,hold_until) with Accept: text/csv")
    public Response verdicts(@PathParam("id") long id, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        var decisions = queries.batchDecisions(id).orElseThrow(() -> new NotFoundException("no batch " + id));
        if (accept != null && accept.contains("text/csv")) {
            StringBuilder csv = new StringBuilder("row,account_id,verdict,codes,hold_until\n");
            for (var d : decisions) {
                var codes = JsonFactories.READERS.createReader(new java.io.StringReader(d.reasons())).readArray().stream()
                        .map(v -> v.asJsonObject().getString("code")).toList();
                csv.append(d.batchRow()).append(',').append(d.accountId()).append(',').append(d.verdict()).append(',')
                        .append(String.join(";", codes)).append(',').append(d.holdUntil() == null ? "" : d.holdUntil().toString()).append('\n');
            }
            return Response.ok(csv.toString(), "text/csv").build();
        }
        var rows = JsonFactories.BUILDERS.createArrayBuilder();
        for (var d : decisions) {
            var row = JsonFactories.BUILDERS.createObjectBuilder().add("row", d.batchRow()).add("accountId", d.accountId()).add("verdict", d.verdict().name())
                    .add("reasons", JsonFactories.READERS.createReader(new java.io.StringReader(d.reasons())).readArray());
            if (d.holdUntil() != null) {
                row.add("holdUntil", d.holdUntil().toString());
            }
            rows.add(row);
        }
        return Response.ok(rows.build().toString(), MediaType.APPLICATION_JSON).build();
    }

    private static Response act(java.util.function.Supplier<NoticeDesk.Answer> action) {
        NoticeDesk.Answer a;
        try {
            a = action.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        var b = BillingJson.answer(a.decision());
        if (a.noticeId() != null) {
            b.add("noticeId", a.noticeId()).add("state", a.state().name());
        }
        return Response.ok(b.build().toString()).build();
    }
}
