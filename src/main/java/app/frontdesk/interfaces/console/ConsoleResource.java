package app.frontdesk.interfaces.console;

import app.frontdesk.application.cases.CaseActions;
import app.frontdesk.application.cases.CaseQueries;
import app.frontdesk.application.staff.SignIn;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.application.texts.Languages;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.SupportCase;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
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
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's pages. Thin: who is asking comes from Jakarta Security's caller, what they may see
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
    CaseActions actions;

    @Inject
    ConsoleTemplates pages;

    @Inject
    ConsoleSettings settings;

    @Inject
    ConsoleViews views;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @GET
    @Path("login")
    public Response loginPage(@QueryParam("next") String next) {
        if (signedIn().isPresent()) {
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
            long minutes = Math.max(1, Duration.between(Instant.now(), t.until()).toMinutes() + 1);
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

    /** "Needs me": what waits for this person, earliest promise first. */
    @GET
    public Response needs() {
        Viewer v = viewer();
        List<Map<String, Object>> open = cases.openFor(v, NEEDS_LIMIT, c -> views.caseRow(c, v.locale()));
        Map<String, Object> m = base(v, "needs");
        m.put("cases", open);
        m.put("count", open.size());
        m.put("nothing", open.isEmpty());
        return page("needs", v, m);
    }

    @GET
    @Path("cases/{id}")
    public Response casePage(@PathParam("id") long id) {
        Viewer v = viewer();
        Map<String, Object> m = cases.detailFor(v, id, (c, account, messages, sent) -> views.caseDetail(v, c, account, messages, sent))
                .orElseThrow(NotFoundException::new);
        m.putAll(base(v, "case"));
        return page("case", v, m);
    }

    @POST
    @Path("cases/{id}/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(@PathParam("id") long id, @FormParam("account") Long account, @FormParam("note") String note) {
        Viewer v = viewer();
        if (account == null) {
            return back(id, "accountMissing");
        }
        return done(id, () -> actions.resolveAs(v, id, noteOr(note, v, "authorized in the console"), account));
    }

    @POST
    @Path("cases/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @FormParam("note") String note) {
        Viewer v = viewer();
        if (note == null || note.isBlank()) {
            return back(id, "noteMissing");
        }
        return done(id, () -> actions.rejectAs(v, id, note.strip()));
    }

    @GET
    @Path("staff")
    public Response staffPage() {
        Viewer v = admin();
        return page("staff", v, merge(base(v, "staff"), views.staff(v, staff.list(v), null)));
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createStaff(@FormParam("email") String email, @FormParam("name") String name, @FormParam("role") List<String> roles,
                                @FormParam("language") String language, @FormParam("password") String password) {
        Viewer v = admin();
        try {
            Set<StaffRole> r = EnumSet.noneOf(StaffRole.class);
            (roles == null ? List.<String>of() : roles).forEach(x -> r.add(StaffRole.of(x)));
            staff.create(v, email, name, r, Locale.forLanguageTag(language == null || language.isBlank() ? "ru" : language), password);
            return seeOther("/console/staff");
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(pages.render("staff", v.locale(),
                    merge(base(v, "staff"), views.staff(v, staff.list(v), e.getMessage())))).build();
        }
    }

    @GET
    @Path("static/{file}")
    @Produces
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

    private Response done(long id, java.util.function.Supplier<Optional<SupportCase>> action) {
        try {
            action.get().orElseThrow(NotFoundException::new);
            return seeOther("/console/cases/" + id);
        } catch (IllegalStateException e) {
            return back(id, "conflict");
        }
    }

    private Response back(long id, String problem) {
        return seeOther("/console/cases/" + id + "?problem=" + problem);
    }

    private static String noteOr(String note, Viewer v, String otherwise) {
        return note == null || note.isBlank() ? otherwise : note.strip();
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

    private Map<String, Object> base(Viewer v, String current) {
        Map<String, Object> m = new HashMap<>();
        m.put("company", settings.company());
        m.put("me", Map.of("name", v.displayName(), "email", v.email()));
        m.put("isAdmin", v.is(StaffRole.ADMIN));
        m.put("csrf", session().csrf());
        m.put("on" + Character.toUpperCase(current.charAt(0)) + current.substring(1), true);
        String problem = request.getParameter("problem");
        if (problem != null && problem.matches("[a-zA-Z]{1,20}")) {
            m.put("problem", Map.of(problem, true));
        }
        return m;
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        a.putAll(b);
        return a;
    }

    private Response page(String name, Viewer v, Map<String, Object> model) {
        return Response.ok(pages.render(name, v.locale(), model)).build();
    }

    private StaffSession session() {
        HttpSession s = request.getSession(false);
        if (s != null && s.getAttribute(StaffSession.KEY) instanceof StaffSession ss) {
            return ss;
        }
        throw new NotAuthorizedException("Session");
    }

    private Optional<Viewer> signedIn() {
        var p = security.getUserPrincipal();
        return p == null ? Optional.empty() : staff.viewer(p.getName());
    }

    /** The signed-in person, read afresh: a disabled user's session ends at their next click. */
    private Viewer viewer() {
        return signedIn().orElseThrow(() -> new NotAuthorizedException("Session"));
    }

    /** Staff pages exist only for administrators: for anyone else they are not there at all. */
    private Viewer admin() {
        Viewer v = viewer();
        if (!v.is(StaffRole.ADMIN)) {
            throw new NotFoundException();
        }
        return v;
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
        return Response.seeOther(URI.create(path)).build();
    }
}
