package app.frontdesk.interfaces.console;

import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A task marked done from "Needs me": a plain form post that comes back to the page, or, when htmx sends it,
 * only the task's row, changed. Only a task the viewer may complete (TaskDesk narrows the query): another
 * manager's task answers 404, as one that does not exist.
 */
@Path("tasks")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class TaskPages {

    @Inject
    TaskDesk tasks;

    @Inject
    ConsoleSupport support;

    @Inject
    ConsoleViews views;

    @Inject
    ConsoleTemplates pages;

    @POST
    @Path("{id}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response done(@PathParam("id") long id, @FormParam("note") String note, @HeaderParam("HX-Request") String htmx) {
        Viewer v = support.viewer();
        Map<String, Object> row;
        try {
            row = tasks.doneBy(v, id, note, t -> views.taskRow(t, v, v.locale())).orElseThrow(NotFoundException::new);
        } catch (IllegalStateException e) {
            if ("true".equals(htmx)) {
                return Response.ok(pages.render("task-done", v.locale(), Map.of("taskId", id, "already", true))).build();
            }
            return ConsoleSupport.seeOther("/console/?problem=taskDone");
        }
        if ("true".equals(htmx)) {
            row.put("doneNow", true);
            return Response.ok(pages.render("task-done", v.locale(), row)).build();
        }
        return ConsoleSupport.seeOther("/console/?done=" + id);
    }
}
