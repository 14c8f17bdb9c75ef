package app.frontdesk.interfaces.console;

import app.frontdesk.application.accountdesk.AccountDesk;
import app.frontdesk.application.cases.CaseQueries;
import app.frontdesk.application.dunning.NoticeQueries;
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
    CaseQueries cases;

    @Inject
    AccountDesk accounts;

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
    NoticeQueries notices;

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
            request.getSession().setAttribute(StaffSession.KEY, StaffSession.signedIn(w.viewer().email()));
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

    /** "Needs me": what waits for this person: open cases, earliest promise first; notices held for their approval; red flags on the accounts they look after. */
    @GET
    public Response needs() {
        Viewer v = support.viewer();
        List<Map<String, Object>> open = cases.openFor(v, NEEDS_LIMIT, c -> views.caseRow(c, v.locale()));
        List<Map<String, Object>> flags = accounts.redFlagsFor(v, NEEDS_LIMIT, f -> accountViews.flagRow(f, v.locale()));
        List<Map<String, Object>> held = notices.awaitingApprovalBy(v, NEEDS_LIMIT, (n, account, latest) -> noticeViews.row(n, account, latest, v.locale()));
        Map<String, Object> m = support.base(v, "needs");
        m.put("cases", open);
        m.put("hasCases", !open.isEmpty());
        m.put("caseCount", open.size());
        m.put("flags", flags);
        m.put("hasFlags", !flags.isEmpty());
        m.put("flagCount", flags.size());
        m.put("heldNotices", held);
        m.put("heldCount", held.size());
        m.put("count", open.size() + flags.size() + held.size());
        m.put("nothing", open.isEmpty() && flags.isEmpty() && held.isEmpty());
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
