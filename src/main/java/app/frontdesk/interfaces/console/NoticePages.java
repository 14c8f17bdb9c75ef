package app.frontdesk.interfaces.console;

import app.frontdesk.application.dunning.NoticeApprovals;
import app.frontdesk.application.dunning.NoticeQueries;
import app.frontdesk.domain.model.billing.NoticeListing;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.staff.Viewer;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notices the dunning gate held, blocked or sent, one page at a time, and a notice's own page with
 * what the gate saw; approving a hold or (administrators) overriding a block, with a reason. Only
 * notices the viewer may see: the queries and the actions are narrowed to them (NoticeQueries,
 * NoticeApprovals), so another manager's notice is "not found" by any URL or form.
 */
@Path("notices")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class NoticePages {

    static final int PAGE = 50;
    /** The lists a person chooses between; the API lists the other states too. */
    static final List<NoticeState> LISTS = List.of(NoticeState.HELD, NoticeState.BLOCKED, NoticeState.SENT);

    @Inject
    NoticeQueries notices;

    @Inject
    NoticeApprovals approvals;

    @Inject
    NoticeViews views;

    @Inject
    ConsoleSupport support;

    @GET
    public Response list(@QueryParam("state") String state, @QueryParam("order") String order, @QueryParam("page") Integer page) {
        Viewer v = support.viewer();
        NoticeState s = LISTS.stream().filter(x -> x.name().equalsIgnoreCase(state == null ? "" : state)).findFirst().orElse(NoticeState.HELD);
        NoticeListing.Order o = "soonest".equalsIgnoreCase(order) ? NoticeListing.Order.SOONEST : NoticeListing.Order.NEWEST;
        int p = page == null ? 0 : Math.max(1, page) - 1; // pages are counted from 1 in the address, as people count them
        NoticeQueries.Page<Map<String, Object>> found = notices.pageFor(v, List.of(s), o, p, PAGE,
                (n, account, latest) -> views.row(n, account, latest, v.locale()));
        Map<String, Object> m = support.base(v, "notices");
        m.put("notices", found.rows());
        m.put("nothing", found.rows().isEmpty());
        m.put("list", Map.of(s.name(), true));
        m.put("listName", s.name().toLowerCase(Locale.ROOT));
        m.put("order", o.name().toLowerCase(Locale.ROOT));
        m.put(o == NoticeListing.Order.SOONEST ? "soonest" : "newest", true);
        m.put("pageNumber", p + 1);
        if (p > 0) {
            m.put("previous", p);
        }
        if (found.more()) {
            m.put("next", p + 2);
        }
        return support.page("notices", v, m);
    }

    @GET
    @Path("{id}")
    public Response notice(@PathParam("id") long id, @QueryParam("done") String done) {
        Viewer v = support.viewer();
        Map<String, Object> m = notices.detailFor(v, id, (n, account, decisions, actions) -> views.detail(v, n, account, decisions, actions))
                .orElseThrow(NotFoundException::new);
        m.putAll(support.base(v, "notice"));
        if ("approved".equals(done) || "overridden".equals(done)) {
            m.put("done", Map.of(done, true));
        }
        return support.page("notice", v, m);
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @FormParam("note") String note, @FormParam("seen") Long seen) {
        Viewer v = support.viewer();
        return act(id, note, "approved", () -> approvals.approveAs(v, id, note, seen));
    }

    @POST
    @Path("{id}/override")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response override(@PathParam("id") long id, @FormParam("note") String note, @FormParam("seen") Long seen) {
        Viewer v = support.viewer();
        return act(id, note, "overridden", () -> approvals.overrideAs(v, id, note, seen));
    }

    private Response act(long id, String note, String done, java.util.function.Supplier<Optional<NoticeApprovals.Outcome>> action) {
        NoticeApprovals.Outcome o;
        try {
            o = action.get().orElseThrow(NotFoundException::new); // a notice the viewer may not see: 404 whatever the form says
        } catch (IllegalArgumentException e) {
            return back(id, note == null || note.isBlank() ? "noteMissing" : "noteTooLong");
        }
        if (!o.done()) {
            return back(id, switch (o.problem()) {
                case STATE -> "state";
                case STALE -> "stale";
                case NOTHING_TO_APPROVE -> "onlyTime";
            });
        }
        return ConsoleSupport.seeOther("/console/notices/" + id + "?done=" + done);
    }

    private static Response back(long id, String problem) {
        return ConsoleSupport.seeOther("/console/notices/" + id + "?problem=" + problem);
    }
}
