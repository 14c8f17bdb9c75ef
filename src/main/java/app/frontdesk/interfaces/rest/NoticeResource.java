package app.frontdesk.interfaces.rest;

import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.bootstrap.GatewayLifecycle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
    GatewayLifecycle lifecycle;

    @POST
    @Path("check")
    @Operation(summary = "Dry run: {accountId, kind, invoices[], amount, currency, plannedAt?} -> {verdict, reasons[], holdUntil?}")
    public Response check(String body) {
        JsonObject o = BillingJson.object(body);
        return act(() -> lifecycle.gateway().services().notices.check(BillingJson.request(o, null)));
    }

    @POST
    @Operation(summary = "Submit: the check's fields plus mail {to[], subject, body}, callbackUrl?, externalRef?; Frontdesk sends it if and when allowed")
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
        if (callback != null && !callback.matches("https?://\\S+")) {
            throw new BadRequestException("\"callbackUrl\" must be an http(s) URL");
        }
        var submission = new NoticeDesk.Submission(BillingJson.request(o, null), to,
                BillingJson.text(mail, "subject", true), BillingJson.text(mail, "body", true), callback, BillingJson.text(o, "externalRef", false));
        return act(() -> lifecycle.gateway().services().notices.submit(submission));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A submitted notice: state, hold, and every decision with its reasons and the data it saw")
    public Response get(@PathParam("id") long id) {
        return lifecycle.gateway().database().inTransaction(r -> r.billing().notice(id).map(n -> {
            var decisions = Json.createArrayBuilder();
            r.billing().decisions(id).forEach(d -> decisions.add(Json.createObjectBuilder().add("verdict", d.verdict().name())
                    .add("cause", d.cause()).add("decidedAt", d.decidedAt().toString())
                    .add("reasons", Json.createReader(new java.io.StringReader(d.reasons())).readArray())
                    .add("dataSeen", Json.createReader(new java.io.StringReader(d.dataSeen())).readObject())));
            var b = Json.createObjectBuilder().add("id", n.id()).add("accountId", n.accountId()).add("kind", n.kind().name())
                    .add("state", n.state().name()).add("claimed", n.claimed().toString()).add("plannedAt", n.plannedAt().toString())
                    .add("invoices", Json.createArrayBuilder(n.invoices())).add("decisions", decisions);
            n.holdUntil().ifPresent(h -> b.add("holdUntil", h.toString()));
            return Response.ok(b.build().toString()).build();
        })).orElseThrow(() -> new NotFoundException("no notice " + id));
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
