package app.frontdesk.interfaces.console;

import app.frontdesk.application.staff.StaffChangeRefused;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Everyone's own password: changed by giving the current one (a session left open is not enough to take the account). */
@Path("password")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PasswordPages {

    @Inject
    StaffDirectory staff;

    @Inject
    ConsoleSupport support;

    @Context
    HttpServletRequest request;

    @GET
    public Response page() {
        Viewer v = support.viewer();
        Map<String, Object> m = support.base(v, "password");
        if ("1".equals(support.param("changed"))) {
            m.put("changed", true);
        }
        return support.page("password", v, m);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam("current") String current, @FormParam("password") String password) {
        Viewer v = support.viewer();
        try {
            String stamp = staff.changeOwnPassword(v, current, password, request.getRemoteAddr());
            support.session().credentialsChanged(stamp); // this session goes on; the person's others end at their next request
            return ConsoleSupport.seeOther("/console/password?changed=1");
        } catch (StaffChangeRefused e) {
            return ConsoleSupport.seeOther("/console/password?problem=" + StaffPages.problem(e.why()));
        }
    }
}
