package app.frontdesk.interfaces.rest;

import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import app.frontdesk.domain.model.task.TaskState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What we promised customers, who owes it and by when (administrator token). */
@Path("tasks")
@RequestScoped
@AdminOnly
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskDesk tasks;

    /** One task as the API shows it; {@code overdue}: open and its due time has passed. */
    public record TaskView(long id, String kind, String state, String assignee, Long accountId, Long caseId, String caseReference,
                           Long noticeId, String promisedTo, String promise, Instant dueAt, boolean overdue, Instant createdAt,
                           Instant escalatedAt, String escalatedTo, Instant doneAt, String doneBy, String note) {
        static TaskView of(Task t, boolean overdue) {
            return new TaskView(t.id(), t.kind().name(), t.state().name(), t.assignee(), t.accountId().orElse(null), t.caseId().orElse(null),
                    t.caseId().map(SupportCase::reference).orElse(null), t.noticeId().orElse(null), t.promisedTo().orElse(null), t.promise(),
                    t.dueAt(), overdue, t.createdAt(), t.escalatedAt().orElse(null), t.escalatedTo().orElse(null),
                    t.doneAt().orElse(null), t.doneBy().orElse(null), t.note().orElse(null));
        }
    }

    private TaskView view(Task t) {
        return TaskView.of(t, tasks.overdue(t));
    }

    @GET
    @Operation(summary = "Tasks, earliest due first; ?assignee=<the address of the person who owes it>&state=OPEN|DONE&limit=100")
    public List<TaskView> list(@QueryParam("assignee") String assignee, @QueryParam("state") String state,
                               @QueryParam("limit") @DefaultValue("100") int limit) {
        Optional<TaskState> s;
        try {
            s = state == null || state.isBlank() ? Optional.empty() : Optional.of(TaskState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("state must be OPEN or DONE");
        }
        Optional<String> who = Optional.ofNullable(assignee).map(String::strip).filter(a -> !a.isEmpty());
        return tasks.list(who, s, Math.max(1, Math.min(limit, 1000)), this::view);
    }

    @POST
    @Path("{id}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a task done: {note, actor?}; 409 when it is done already")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"note\": \"called Anna, she is fine with the credit note\", \"actor\": \"olga\"}"))
    public Response done(@PathParam("id") long id, String body) {
        jakarta.json.JsonObject o = BillingJson.object(body);
        try {
            return Response.ok(tasks.done(id, ActorNote.actor(o), ActorNote.note(o), this::view).orElseThrow(() -> new NotFoundException("no task " + id)))
                    .build();
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(new ErrorBody(e.getMessage(), List.of())).build();
        }
    }
}
