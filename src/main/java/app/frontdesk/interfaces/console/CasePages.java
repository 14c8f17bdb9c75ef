package app.frontdesk.interfaces.console;

import app.frontdesk.application.cases.CaseActions;
import app.frontdesk.application.cases.CaseAttachments;
import app.frontdesk.application.cases.CaseHandover;
import app.frontdesk.application.cases.CaseQueries;
import app.frontdesk.application.cases.CaseRejection;
import app.frontdesk.application.cases.ReplyRefused;
import app.frontdesk.application.accountdesk.AccountDesk;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/** A case's page and what a person does with it; only cases the viewer may see (the queries are narrowed to them). */
@Path("cases")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class CasePages {

    @Inject
    CaseQueries cases;

    @Inject
    CaseActions actions;

    @Inject
    CaseRejection rejection;

    @Inject
    CaseHandover handover;

    @Inject
    ConsoleViews views;

    @Inject
    ConsoleSupport support;

    @Inject
    StaffDirectory staff;

    @Inject
    AccountDesk accounts;

    @Inject
    CaseAttachments attachments;

    @GET
    @Path("{id}")
    public Response casePage(@PathParam("id") long id, @jakarta.ws.rs.QueryParam("q") String q) {
        Viewer v = support.viewer();
        return support.page("case", v, model(v, id, q));
    }

    private Map<String, Object> model(Viewer v, long id, String q) {
        Map<String, Object> m = cases.detailFor(v, id, (c, account, messages, sent, candidates) -> views.caseDetail(v, c, account, messages, sent, candidates))
                .orElseThrow(NotFoundException::new);
        m.putAll(support.base(v, "case"));
        m.put("colleagues", staff.colleagues(v).stream().filter(x -> x.userId() != v.userId())
                .map(x -> Map.of("email", x.email(), "name", x.displayName())).toList());
        if (q != null && !q.isBlank() && Boolean.TRUE.equals(m.get("open"))) {
            // the account the sender writes for, found by a person: only among the accounts this viewer may act for
            var found = accounts.search(v, q.strip(), 0, 10, l -> Map.<String, Object>of("accountId", l.account().id(),
                    "accountName", l.account().name(), "domains", String.join(", ", l.domains()))).rows();
            m.put("q", q.strip());
            m.put("found", found);
            m.put("nothingFound", found.isEmpty());
        }
        return m;
    }

    /**
     * One attachment, opened on request: always a download, its type passive or octet-stream, never sniffed;
     * audited by the service. Another manager's case, a message of another case, a part that is not there:
     * 404 alike.
     */
    @GET
    @Path("{id}/messages/{message}/parts/{index}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") long id, @PathParam("message") long message, @PathParam("index") int index) {
        Viewer v = support.viewer();
        CaseAttachments.Opened opened;
        try {
            opened = attachments.open(v, id, message, index).orElseThrow(NotFoundException::new);
        } catch (IllegalStateException e) {
            return back(id, "partTooLarge");
        }
        return Response.ok(opened.bytes(), Downloads.contentType(opened.part().type()))
                .header("Content-Disposition", Downloads.disposition(opened.part().filename(), index))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("{id}/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(@PathParam("id") long id, @FormParam("account") Long account, @FormParam("note") String note) {
        Viewer v = support.viewer();
        if (account == null) {
            return back(id, "accountMissing");
        }
        return done(id, () -> actions.resolveAs(v, id, noteOr(note, v, "authorized in the console"), account));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @FormParam("note") String note, @FormParam("reply") String reply) {
        Viewer v = support.viewer();
        if (note == null || note.isBlank()) {
            return back(id, "noteMissing");
        }
        try {
            return done(id, () -> rejection.rejectAs(v, id, note.strip(), reply));
        } catch (ReplyRefused e) {
            // the page again, with what the rules found and both texts as typed: nothing was sent, nothing changed
            Map<String, Object> m = model(v, id, null);
            m.put("replyRefused", Map.of("note", note, "reply", reply == null ? "" : reply, "findings", e.findings().stream()
                    .map(f -> Map.of("excerpt", f.excerpt(), "message", f.message(), "suggestion", f.suggestion())).toList()));
            return support.page(Response.Status.BAD_REQUEST, "case", v, m);
        }
    }

    @POST
    @Path("{id}/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") long id, @FormParam("note") String note) {
        Viewer v = support.viewer();
        if (note == null || note.isBlank()) {
            return back(id, "noteMissing");
        }
        return done(id, () -> actions.noteAs(v, id, note.strip()));
    }

    @POST
    @Path("{id}/spam")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response spam(@PathParam("id") long id, @FormParam("note") String note) {
        Viewer v = support.viewer();
        return done(id, () -> rejection.spamAs(v, id, note));
    }

    @POST
    @Path("{id}/hand-over")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response handOver(@PathParam("id") long id, @FormParam("to") String to, @FormParam("note") String note) {
        Viewer v = support.viewer();
        try {
            return done(id, () -> handover.handOverAs(v, id, to, note));
        } catch (IllegalArgumentException e) {
            return back(id, "noColleague");
        }
    }

    private Response done(long id, java.util.function.Supplier<Optional<SupportCase>> action) {
        try {
            action.get().orElseThrow(NotFoundException::new);
            return ConsoleSupport.seeOther("/console/cases/" + id);
        } catch (IllegalStateException e) {
            return back(id, "conflict");
        }
    }

    private Response back(long id, String problem) {
        return ConsoleSupport.seeOther("/console/cases/" + id + "?problem=" + problem);
    }

    private static String noteOr(String note, Viewer v, String otherwise) {
        return note == null || note.isBlank() ? otherwise : note.strip();
    }
}
