package app.frontdesk.interfaces.console;

import app.frontdesk.application.staff.StaffDirectory;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Staff members, for administrators: who can sign in, and adding a person. */
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
        return support.page("staff", v, ConsoleSupport.merge(support.base(v, "staff"), views.staff(v, staff.list(v), null)));
    }

    @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createStaff(@FormParam("email") String email, @FormParam("name") String name, @FormParam("role") List<String> roles,
                                @FormParam("language") String language, @FormParam("password") String password) {
        Viewer v = support.viewerWith(StaffRole.ADMIN);
        try {
            Set<StaffRole> r = EnumSet.noneOf(StaffRole.class);
            (roles == null ? List.<String>of() : roles).forEach(x -> r.add(StaffRole.of(x)));
            staff.create(v, email, name, r, Locale.forLanguageTag(language == null || language.isBlank() ? "ru" : language), password);
            return ConsoleSupport.seeOther("/console/staff");
        } catch (IllegalArgumentException e) {
            return support.page(Response.Status.BAD_REQUEST, "staff", v,
                    ConsoleSupport.merge(support.base(v, "staff"), views.staff(v, staff.list(v), e.getMessage())));
        }
    }
}
