package app.frontdesk.interfaces.console;

import app.frontdesk.application.intake.InboundQueries;
import app.frontdesk.application.intake.QuarantineDesk;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Held mail: every held or quarantined message the viewer may see, with its cause, and (for leads and
 * administrators) selected ones sent through the pipeline again in bulk: quarantined ones retried, held ones decided
 * again.
 */
@Path("held")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class HeldPages {

    static final int LIMIT = 200;

    @Inject
    InboundQueries inbound;

    @Inject
    QuarantineDesk quarantine;

    @Inject
    ConsoleViews views;

    @Inject
    ConsoleSupport support;

    @GET
    public Response list(@QueryParam("state") String state) {
        Viewer v = support.viewer();
        Optional<InboundState> s = parse(state);
        List<Map<String, Object>> rows = inbound.waitingForPeople(v, s, LIMIT, m -> row(m, v.locale()));
        Map<String, Object> m = support.base(v, "held");
        m.put("messages", rows);
        m.put("nothing", rows.isEmpty());
        m.put("filter", Map.of(s.map(InboundState::name).orElse("ALL"), true));
        m.put("canRetry", v.seesAllCases());
        String retried = support.param("retried");
        if (retried != null && retried.matches("\\d{1,6}")) {
            m.put("retried", Map.of("count", Integer.parseInt(retried)));
        }
        String decided = support.param("decided");
        if (decided != null && decided.matches("\\d{1,6}")) {
            m.put("decided", Map.of("count", Integer.parseInt(decided)));
        }
        return support.page("held", v, m);
    }

    @POST
    @Path("retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@FormParam("id") List<Long> ids) {
        // a manager is never offered this form: for them it is not there at all (404), like another's case
        Viewer v = support.viewerWith(StaffRole.LEAD, StaffRole.ADMIN);
        int n = quarantine.retry(v, ids == null ? List.of() : ids);
        return ConsoleSupport.seeOther("/console/held?state=QUARANTINED&retried=" + n);
    }

    /** Held messages decided again (the same form, its other button): leads and administrators, like the retry. */
    @POST
    @Path("decide-again")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideAgain(@FormParam("id") List<Long> ids) {
        Viewer v = support.viewerWith(StaffRole.LEAD, StaffRole.ADMIN);
        int n = quarantine.decideAgain(v, ids == null ? List.of() : ids);
        return ConsoleSupport.seeOther("/console/held?state=HELD&decided=" + n);
    }

    Map<String, Object> row(InboundMessage m, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("id", m.id());
        x.put("received", views.time(m.receivedAt(), lang));
        x.put("from", m.fromAddress() == null ? "" : m.fromAddress());
        x.put("subject", m.subject() == null ? "" : m.subject());
        x.put("quarantined", m.state() == InboundState.QUARANTINED);
        x.put("route", m.route() == null ? "" : m.route().name());
        x.putAll(views.heldCause(m, lang));
        if (m.caseId() != null) {
            x.put("case", Map.of("id", m.caseId()));
        }
        return x;
    }

    private static Optional<InboundState> parse(String state) {
        if ("HELD".equals(state)) {
            return Optional.of(InboundState.HELD);
        }
        if ("QUARANTINED".equals(state)) {
            return Optional.of(InboundState.QUARANTINED);
        }
        return Optional.empty();
    }
}
