package app.frontdesk.interfaces.console;

import app.frontdesk.application.needs.NeedsMe;
import app.frontdesk.application.staff.SignIn;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.application.texts.Languages;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sign-in, sign-out, "Needs me" and the console's own static files; the other pages have their own
 * resources (CasePages, StaffPages). Thin: who is asking comes from Jakarta Security's caller, what they may see
 * from the application services (whose queries are narrowed to the viewer), and the page from a
 * template. Every form works without JavaScript; htmx only spares reloads.
 */
@Path("")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ConsoleResource {

    static final int NEEDS_LIMIT = 200;
    static final String HTMX = "/META-INF/resources/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    @Inject
    StaffDirectory staff;

    @Inject
    AccountViews accountViews;

    @Inject
    ConsoleTemplates pages;

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleViews views;

    @Inject
    ConsoleSupport support;

    @Inject
    NeedsMe needsMe;

    @Inject
    NoticeViews noticeViews;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next) {
        if (support.signedIn().isPresent()) {
            return seeOther(safeNext(next));
        }
        return loginForm(next, null, Response.Status.OK);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("password") String password, @FormParam("next") String next) {
        SignIn result = staff.signIn(email, password, request.getRemoteAddr());
        if (result instanceof SignIn.Welcome w) {
            request.changeSessionId(); // a session id seen before sign-in is worth nothing after it
            request.getSession().setAttribute(StaffSession.KEY, StaffSession.signedIn(w.viewer().email(), w.credentials()));
            return seeOther(safeNext(next));
        }
        if (result instanceof SignIn.Throttled t) {
            long minutes = Math.max(1, Duration.between(settings.clock().instant(), t.until()).toMinutes() + 1);
            return loginForm(next, Map.of("throttled", Map.of("minutes", minutes)), Response.Status.TOO_MANY_REQUESTS);
        }
        return loginForm(next, Map.of("wrong", true), Response.Status.UNAUTHORIZED);
    }

    @POST
    @Path("logout")
    public Response signOut() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        try {
            request.logout();
        } catch (jakarta.servlet.ServletException e) {
            // the session is gone, which is what signs out; the container's own record ends with the request
        }
        return seeOther("/console/login");
    }

    /**
     * "Needs me": what waits for this person: open cases, earliest promise first; notices held for their approval;
     * red flags on the accounts they look after; the tasks they owe, earliest due first. One read, one transaction.
     */
    @GET
    public Response needs() {
        Viewer v = support.viewer();
        Locale lang = v.locale();
        NeedsMe.Needs<Map<String, Object>, Map<String, Object>, Map<String, Object>, Map<String, Object>> n = needsMe.of(v, NEEDS_LIMIT,
                new NeedsMe.Views<>() {
                    @Override
                    public Map<String, Object> caseRow(app.frontdesk.domain.model.supportcase.SupportCase c) {
                        return views.caseRow(c, lang);
                    }

                    @Override
                    public Map<String, Object> noticeRow(app.frontdesk.domain.model.billing.Notice notice, String account,
                                                         app.frontdesk.domain.model.billing.NoticeDecision latest) {
                        return noticeViews.row(notice, account, latest, lang);
                    }

                    @Override
                    public Map<String, Object> flagRow(app.frontdesk.domain.model.care.FlaggedAccount f) {
                        return accountViews.flagRow(f, lang);
                    }

                    @Override
                    public Map<String, Object> taskRow(app.frontdesk.domain.model.task.Task t) {
                        return views.taskRow(t, v, lang);
                    }
                });
        Map<String, Object> m = support.base(v, "needs");
        m.put("cases", n.cases());
        m.put("hasCases", !n.cases().isEmpty());
        m.put("caseCount", n.cases().size());
        m.put("flags", n.flags());
        m.put("hasFlags", !n.flags().isEmpty());
        m.put("flagCount", n.flags().size());
        m.put("heldNotices", n.notices());
        m.put("heldCount", n.notices().size());
        m.put("tasks", n.tasks());
        m.put("taskCount", n.tasks().size());
        m.put("count", n.count());
        m.put("nothing", n.count() == 0);
        String done = support.param("done");
        if (done != null && done.matches("\\d{1,18}")) {
            m.put("taskDone", Map.of("id", done));
        }
        return support.page("needs", v, m);
    }

    @GET
    @Path("static/{file}")
    @Produces({"text/css", "text/javascript"})
    public Response asset(@PathParam("file") String file) {
        String type = switch (file) {
            case "console.css" -> "text/css;charset=utf-8";
            case "console.js", "htmx.min.js" -> "text/javascript;charset=utf-8";
            default -> throw new NotFoundException();
        };
        // htmx from its WebJar (Maven Central), so it is served by us: no CDN, no npm build
        var in = ConsoleResource.class.getResourceAsStream(file.equals("htmx.min.js") ? HTMX : "/console/" + file);
        if (in == null) {
            throw new NotFoundException();
        }
        return Response.ok(in, type).header("Cache-Control", "max-age=300").build();
    }

    private Response loginForm(String next, Map<String, Object> extra, Response.Status status) {
        HttpSession session = request.getSession(true);
        if (!(session.getAttribute(StaffSession.KEY) instanceof StaffSession)) {
            session.setAttribute(StaffSession.KEY, StaffSession.anonymous());
        }
        Locale lang = Languages.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE), settings.language());
        Map<String, Object> m = new HashMap<>();
        m.put("company", settings.company());
        m.put("csrf", ((StaffSession) session.getAttribute(StaffSession.KEY)).csrf());
        m.put("next", safeNext(next));
        if (extra != null) {
            m.putAll(extra);
        }
        return Response.status(status).entity(pages.render("login", lang, m)).build();
    }

    /** Only a path of the console: a "next" that leads elsewhere would make our login page an open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console/") || next.startsWith("//") || next.contains("\\") || next.contains("://")
                || next.chars().anyMatch(ch -> ch < 0x21)) {
            return "/console/";
        }
        return next;
    }

    private static Response seeOther(String path) {
        return ConsoleSupport.seeOther(path);
    }
}
