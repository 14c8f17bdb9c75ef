package app.frontdesk.interfaces.console;

import app.frontdesk.application.staff.StaffChangeRefused;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.domain.model.staff.StaffRole;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Staff members, for administrators: who can sign in; adding a person; their roles, their password (set, or generated
 * and shown once), disabling and enabling them. Anyone else gets 404 for every one of these, as for a page that is
 * not there.
 */
@Path("staff")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class StaffPages {

    @Inject
    StaffDirectory staff;

    @Inject
    ConsoleViews views;

    @Inject
    ConsoleSupport support;

    @GET
    public Response staffPage() {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        Map<String, Object> m = ConsoleSupport.merge(support.base(v, "staff"), views.staff(v, staff.list(v), null));
        if ("1".equals(support.param("saved"))) {
            m.put("saved", true);
        }
        return support.page("staff", v, m);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createStaff(@FormParam("email") String email, @FormParam("name") String name, @FormParam("role") List<String> roles,
                                @FormParam("language") String language, @FormParam("password") String password) {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        try {
            staff.create(v, email, name, roles(roles), Locale.forLanguageTag(language == null || language.isBlank() ? "ru" : language), password);
            return ConsoleSupport.seeOther("/console/staff");
        } catch (IllegalArgumentException e) {
            return support.page(Response.Status.BAD_REQUEST, "staff", v,
                    ConsoleSupport.merge(support.base(v, "staff"), views.staff(v, staff.list(v), e.getMessage())));
        }
    }

    @POST
    @Path("{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response roles(@PathParam("id") long id, @FormParam("role") List<String> roles) {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        return changed(() -> staff.changeRoles(v, id, roles(roles)));
    }

    @POST
    @Path("{id}/disable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disable(@PathParam("id") long id) {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        return changed(() -> staff.setDisabled(v, id, true));
    }

    @POST
    @Path("{id}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id) {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        return changed(() -> staff.setDisabled(v, id, false));
    }

    /**
     * A password set by the administrator, or generated: the answer is the page itself (not a redirect), so a generated
     * password is shown this once and never travels in a URL; the console's answers are not cached (no-store).
     */
    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response password(@PathParam("id") long id, @FormParam("password") String password) {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        String set;
        try {
            set = staff.resetPassword(v, id, password).orElseThrow(NotFoundException::new);
        } catch (StaffChangeRefused e) {
            return refused(e);
        }
        var users = staff.list(v);
        Map<String, Object> m = ConsoleSupport.merge(support.base(v, "staff"), views.staff(v, users, null));
        String email = users.stream().filter(u -> u.id() == id).findFirst().map(u -> u.email()).orElse("");
        if (password == null || password.isEmpty()) {
            m.put("generated", Map.of("email", email, "password", set));
        } else {
            m.put("saved", true);
        }
        return support.page("staff", v, m);
    }

    private Response changed(java.util.function.Supplier<Optional<?>> change) {
        try {
            change.get().orElseThrow(NotFoundException::new);
            return ConsoleSupport.seeOther("/console/staff?saved=1");
        } catch (StaffChangeRefused e) {
            return refused(e);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).build(); // a role no form offers
        }
    }

    static Response refused(StaffChangeRefused e) {
        return ConsoleSupport.seeOther("/console/staff?problem=" + problem(e.why()));
    }

    /** The refusal's name in a page's problem parameter (letters only, see ConsoleSupport#base). */
    static String problem(StaffChangeRefused.Why why) {
        return switch (why) {
            case PASSWORD_TOO_SHORT -> "passwordShort";
            case NO_ROLE -> "noRole";
            case LAST_ADMINISTRATOR -> "lastAdmin";
            case NOT_YOURSELF -> "notYourself";
            case WRONG_PASSWORD -> "wrongPassword";
            case THROTTLED -> "throttled";
        };
    }

    private static Set<StaffRole> roles(List<String> roles) {
        Set<StaffRole> r = EnumSet.noneOf(StaffRole.class);
        (roles == null ? List.<String>of() : roles).forEach(x -> r.add(StaffRole.of(x)));
        return r;
    }
}
