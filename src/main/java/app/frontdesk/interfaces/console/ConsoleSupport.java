package app.frontdesk.interfaces.console;

import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every console page needs: who is asking (read afresh from the database on every request, so a
 * disabled user's session, or one opened with a password changed or reset since, ends at their next click), the common model (company, the person, the CSRF
 * token, which page is current), rendering, and the answers pages give (see other, not found).
 */
@RequestScoped
public class ConsoleSupport {

    @Inject
    StaffDirectory staff;

    @Inject
    ConsoleTemplates pages;

    @Inject
    ConsoleSettings settings;

    @Context
    HttpServletRequest request;

    @Context
    SecurityContext security;

    Optional<Viewer> signedIn() {
        var p = security.getUserPrincipal();
        if (p == null) {
            return Optional.empty();
        }
        // a session opened with our form keeps its password's stamp: a password changed or reset since ends it here
        HttpSession s = request.getSession(false);
        String credentials = s != null && s.getAttribute(StaffSession.KEY) instanceof StaffSession ss && ss.isSignedIn()
                && ss.email().equalsIgnoreCase(p.getName()) ? ss.credentials() : null;
        return staff.viewer(p.getName(), credentials);
    }

    /** The signed-in person; none ends the session and goes to the login page (ConsoleErrors). */
    Viewer viewer() {
        return signedIn().orElseThrow(() -> new NotAuthorizedException("Session"));
    }

    /** A page that exists only for some roles is, for anyone else, not there at all. */
    Viewer viewerWith(StaffRole... roles) {
        Viewer v = viewer();
        for (StaffRole r : roles) {
            if (v.is(r)) {
                return v;
            }
        }
        throw new NotFoundException();
    }

    Map<String, Object> base(Viewer v, String current) {
        Map<String, Object> m = new HashMap<>();
        m.put("company", settings.company());
        m.put("me", Map.of("name", v.displayName(), "email", v.email()));
        m.put("isAdmin", v.is(StaffRole.ADMIN));
        m.put("isLead", v.seesAllCases());
        m.put("seesBilling", v.seesAllBilling());
        m.put("isBilling", v.is(StaffRole.BILLING) || v.is(StaffRole.ADMIN));
        m.put("csrf", session().csrf());
        // the container's own figure (web.xml's session-timeout), said at the foot of every page: the person knows, and
        // ConsoleBrowserIT reads the value in force rather than the file
        HttpSession s = request.getSession(false);
        if (s != null && s.getMaxInactiveInterval() > 0) {
            m.put("idleMinutes", s.getMaxInactiveInterval() / 60);
        }
        m.put("on" + Character.toUpperCase(current.charAt(0)) + current.substring(1), true);
        String problem = request.getParameter("problem");
        if (problem != null && problem.matches("[a-zA-Z]{1,20}")) {
            m.put("problem", Map.of(problem, true));
        }
        return m;
    }

    Response page(String name, Viewer v, Map<String, Object> model) {
        return Response.ok(pages.render(name, v.locale(), model)).build();
    }

    Response page(Response.Status status, String name, Viewer v, Map<String, Object> model) {
        return Response.status(status).entity(pages.render(name, v.locale(), model)).build();
    }

    StaffSession session() {
        HttpSession s = request.getSession(false);
        if (s != null && s.getAttribute(StaffSession.KEY) instanceof StaffSession ss) {
            return ss;
        }
        throw new NotAuthorizedException("Session");
    }

    /** A query parameter of this request (through a method: the bean is a proxy, its fields are not this request's). */
    String param(String name) {
        return request.getParameter(name);
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        a.putAll(b);
        return a;
    }
}
