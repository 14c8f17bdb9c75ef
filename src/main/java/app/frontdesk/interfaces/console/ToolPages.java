package app.frontdesk.interfaces.console;

import app.frontdesk.application.audit.AuditQueries;
import app.frontdesk.domain.model.audit.AuditEvent;
import app.frontdesk.application.wording.Finding;
import app.frontdesk.application.wording.Purpose;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The wording pad (everyone) and the audit log (leads, administrators). */
@Path("")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ToolPages {

    @Inject
    WordingCheck wording;

    @Inject
    AuditQueries audit;

    @Inject
    ConsoleViews views;

    @Inject
    ConsoleSupport support;

    @GET
    @Path("wording")
    public Response pad() {
        Viewer v = support.viewer();
        return support.page("wording", v, support.base(v, "wording"));
    }

    @POST
    @Path("wording")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@FormParam("text") String text, @FormParam("purpose") String purpose) {
        Viewer v = support.viewer();
        Map<String, Object> m = support.base(v, "wording");
        String draft = text == null ? "" : text;
        m.put("draft", draft);
        Purpose p = "recovery".equals(purpose) ? Purpose.RECOVERY : Purpose.GENERAL;
        m.put("purpose", Map.of(p.name(), true));
        try {
            WordingCheck.Result r = wording.check(draft, Optional.empty(), p, Optional.empty());
            m.putAll(marked(draft, r.findings()));
            m.put("checked", true);
        } catch (IllegalArgumentException e) {
            m.put("tooLong", true);
        }
        return support.page("wording", v, m);
    }

    @GET
    @Path("audit")
    public Response auditLog(@QueryParam("before") Long before) {
        Viewer v = support.viewer();
        List<Map<String, Object>> events = audit.recent(v, before, e -> auditRow(e, v.locale())).orElseThrow(NotFoundException::new);
        Map<String, Object> m = support.base(v, "audit");
        m.put("events", events);
        if (events.size() == AuditQueries.PAGE) {
            m.put("older", Map.of("before", events.get(events.size() - 1).get("id")));
        }
        return support.page("audit", v, m);
    }

    /** One entry of the audit log: the codes in the reader's words, the detail as recorded. */
    Map<String, Object> auditRow(AuditEvent e, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("id", e.id());
        x.put("at", views.time(e.occurredAt(), lang));
        x.put("actor", views.words().say("actor", e.actor(), lang)); // a person's address as it is, the system in words
        // the codes in the reader's words; the detail as recorded (written by our code or a person, in their language)
        x.put("action", views.words().say("audit", e.action(), lang));
        x.put("subject", views.words().say("subject", e.subjectType(), lang) + (e.subjectId() == null ? "" : " " + e.subjectId()));
        x.put("detail", e.detail() == null ? "" : e.detail());
        return x;
    }

    /**
     * The draft cut into pieces, each finding's text marked where it stands (overlaps joined), and the
     * findings numbered in the order they appear.
     */
    static Map<String, Object> marked(String text, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<Map<String, Object>> segments = new ArrayList<>();
        List<Map<String, Object>> list = new ArrayList<>();
        int at = 0;
        int n = 0;
        for (Finding f : sorted) {
            n++;
            list.add(Map.of("n", n, "rule", f.rule(), "excerpt", f.excerpt(), "message", f.message(), "suggestion", f.suggestion()));
            int start = Math.max(at, Math.max(0, Math.min(f.start(), text.length())));
            int end = Math.max(start, Math.min(f.end(), text.length()));
            if (start > at) {
                segments.add(Map.of("text", text.substring(at, start)));
            }
            if (end > start) {
                segments.add(Map.of("text", text.substring(start, end), "finding", Map.of("n", n, "message", f.message())));
            }
            at = Math.max(at, end);
        }
        if (at < text.length()) {
            segments.add(Map.of("text", text.substring(at)));
        }
        Map<String, Object> m = new HashMap<>();
        m.put("segments", segments);
        m.put("findings", list);
        m.put("clean", list.isEmpty());
        return m;
    }
}
