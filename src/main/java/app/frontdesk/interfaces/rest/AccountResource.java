package app.frontdesk.interfaces.rest;

import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.care.RecoveryDesk;
import app.frontdesk.application.accounts.AccountService;
import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.application.accounts.CsvAccountImport;
import app.frontdesk.application.ImportProblem;
import app.frontdesk.application.accounts.InvalidAccountException;
import app.frontdesk.application.accounts.JsonAccountImport;
import app.frontdesk.domain.model.account.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Account administration (administrator token). */
@Path("accounts")
@RequestScoped
@AdminOnly
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final String ACTOR = ActorNote.API;

    @Inject
    AccountService accounts;

    @Inject
    CareDesk care;

    @Inject
    PaymentDesk payments;

    @Inject
    RecoveryDesk recovery;

    @Context
    UriInfo uri;

    public record Created(long id) {
    }

    public record Imported(int accounts, List<Long> ids) {
    }

    public record AccountView(long id, String name, List<String> domains, List<ContactView> contacts, ManagerView manager, String timeZone,
                              String businessHours) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.name(), List.copyOf(a.domains()),
                    a.contacts().stream().map(c -> new ContactView(c.id(), c.address().value(), c.name(),
                            c.locale().toLanguageTag(), c.channel().name())).toList(),
                    a.manager().map(m -> new ManagerView(m.name(), m.address().value())).orElse(null),
                    a.timeZone().map(java.time.ZoneId::getId).orElse(null), a.businessHours().orElse(null));
        }
    }

    public record ContactView(long id, String address, String name, String locale, String channel) {
    }

    public record ManagerView(String name, String address) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account: {name, domains[], contacts[{address, name, locale}], manager{name, address}}")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"name\": \"Romashka LLC\", \"domains\": [\"romashka.example\"], \"contacts\": [{\"address\": \"anna@romashka.example\", \"name\": \"Anna Petrova\", \"locale\": \"ru\"}], \"manager\": {\"name\": \"Olga Smirnova\", \"address\": \"olga@company.example\"}}"))
    public Response create(String body) {
        try {
            long id = accounts.create(draft(body), ACTOR);
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build()).entity(new Created(id)).build();
        } catch (InvalidAccountException e) {
            return refused(e);
        }
    }

    @GET
    @Operation(summary = "All accounts")
    public List<AccountView> list() {
        return accounts.all(AccountView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One account with its domains, contacts and personal manager")
    public AccountView get(@PathParam("id") long id) {
        return accounts.find(id, AccountView::of).orElseThrow(() -> new NotFoundException("no account " + id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an account's name, domains, contacts and manager")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"name\": \"Romashka LLC\", \"domains\": [\"romashka.example\"], \"contacts\": [{\"address\": \"anna@romashka.example\", \"name\": \"Anna Petrova\", \"locale\": \"ru\"}], \"manager\": {\"name\": \"Olga Smirnova\", \"address\": \"olga@company.example\"}}"))
    public Response update(@PathParam("id") long id, String body) {
        try {
            accounts.update(id, draft(body), ACTOR)
                    .orElseThrow(() -> new NotFoundException("no account " + id));
            return Response.ok(get(id)).build();
        } catch (InvalidAccountException e) {
            return refused(e);
        }
    }

    @BodyLimit(bytes = 64L * 1024 * 1024) // a whole customer base
    @POST
    @Path("import")
    @Consumes({MediaType.APPLICATION_JSON, "text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import many accounts from a JSON array or CSV; every bad line is reported and nothing is imported then")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY),
            example = "[{\"name\": \"Romashka LLC\", \"domains\": [\"romashka.example\"], \"contacts\": [{\"address\": \"anna@romashka.example\"}]}]"))
    public Response importFile(String body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        try {
            Map<Integer, AccountDraft> drafts = contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON)
                    ? JsonAccountImport.parse(body) : CsvAccountImport.parse(body);
            List<Long> ids = accounts.importAll(drafts, ACTOR);
            return Response.ok(new Imported(ids.size(), ids)).build();
        } catch (InvalidAccountException e) {
            return refused(e);
        }
    }

    @GET
    @Path("{id}/experience")
    @Operation(summary = "Bad experiences within the care window and the red flag")
    public Response experience(@PathParam("id") long id) {
        var t = care.timeline(id);
        var list = JsonFactories.BUILDERS.createArrayBuilder();
        t.experiences().forEach(e -> list.add(JsonFactories.BUILDERS.createObjectBuilder().add("at", e.occurredAt().toString())
                .add("kind", e.kind().name()).add("detail", e.detail() == null ? "" : e.detail())));
        var o = JsonFactories.BUILDERS.createObjectBuilder().add("accountId", id).add("flagged", t.flagged())
                .add("headOfSupportAlerted", t.headAlerted()).add("experiences", list);
        if (t.raisedAt() != null) {
            o.add("raisedAt", t.raisedAt().toString());
        }
        if (t.clearedAt() != null) {
            o.add("clearedAt", t.clearedAt().toString()).add("clearedBy", t.clearedBy()).add("note", t.note() == null ? "" : t.note());
        }
        return Response.ok(o.build().toString()).build();
    }

    @POST
    @Path("{id}/flag/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A person clears the red flag: {note, actor?}")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"note\": \"called the CEO, apologised, credit note sent\", \"actor\": \"olga\"}"))
    public Response clearFlag(@PathParam("id") long id, String body) {
        jakarta.json.JsonObject o = BillingJson.object(body);
        String note = ActorNote.note(o);
        try {
            care.clear(id, ActorNote.actor(o), note);
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT).entity(new ErrorBody(e.getMessage(), List.of())).build();
        }
        return experience(id);
    }

    @POST
    @Path("{id}/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the recovery mail after our mistake: {offer, mistake, fixed, change, to?[], language?: ru|en, actor?};"
            + " checked with the recovery wording rules first (422 with the findings: nothing sent); the call it promises becomes a task")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"offer\": \"free-month\", \"mistake\": \"On 28 November we sent you a suspension notice for invoice INV-2026-0042,"
                    + " which you had paid on 27 November.\", \"fixed\": \"The notice is withdrawn; nothing was switched off.\","
                    + " \"change\": \"Notices now wait for the previous day's bank statement.\", \"actor\": \"olga\"}"))
    public Response recovery(@PathParam("id") long id, String body) {
        jakarta.json.JsonObject o = BillingJson.object(body);
        String actor = ActorNote.actor(o);
        String language = BillingJson.text(o, "language", false);
        if (accounts.find(id, a -> a.id()).isEmpty()) {
            throw new NotFoundException("no account " + id);
        }
        RecoveryDesk.Sent sent;
        try {
            sent = recovery.send(new RecoveryDesk.Request(id, BillingJson.text(o, "offer", true), BillingJson.text(o, "mistake", true),
                    BillingJson.text(o, "fixed", true), BillingJson.text(o, "change", true), BillingJson.texts(o, "to"),
                    language == null || language.isBlank() ? null : java.util.Locale.forLanguageTag(language.strip()), actor));
        } catch (RecoveryDesk.Refused e) {
            var findings = JsonFactories.BUILDERS.createArrayBuilder();
            e.findings().forEach(f -> findings.add(JsonFactories.BUILDERS.createObjectBuilder().add("rule", f.rule())
                    .add("excerpt", f.excerpt()).add("message", f.message()).add("suggestion", f.suggestion())));
            return Response.status(422).entity(JsonFactories.BUILDERS.createObjectBuilder().add("error", e.getMessage())
                    .add("findings", findings).build().toString()).build();
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage());
        }
        var to = JsonFactories.BUILDERS.createArrayBuilder();
        sent.to().forEach(to::add);
        var done = JsonFactories.BUILDERS.createArrayBuilder();
        sent.tasksDone().forEach(done::add);
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("accountId", id).add("to", to).add("offer", sent.offer())
                .add("language", sent.language().getLanguage()).add("callTask", sent.callTask()).add("callDue", sent.callDue().toString())
                .add("tasksDone", done).build().toString()).build();
    }

    @POST
    @Path("{id}/payment-evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A payment order the customer sent: {number?, date, amount?, currency?}; holds dunning for the clearing window")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"number\": \"118\", \"date\": \"2026-11-20\", \"amount\": \"1500.00\", \"currency\": \"RUB\"}"))
    public Response evidence(@PathParam("id") long account, String body) {
        jakarta.json.JsonObject o = BillingJson.object(body);
        app.frontdesk.domain.model.billing.Money amount = o.containsKey("amount") ? BillingJson.money(o, "amount", "currency") : null;
        try {
            long id = payments.recordEvidence(account, BillingJson.text(o, "number", false), BillingResource.date(o, "date"),
                    amount, null);
            return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("id", id).build().toString()).build();
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException(e.getMessage());
        }
    }

    private static AccountDraft draft(String body) throws InvalidAccountException {
        jakarta.json.JsonValue json;
        try (var reader = JsonFactories.READERS.createReader(new java.io.StringReader(body == null ? "" : body))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            throw new InvalidAccountException(List.of(new ImportProblem(0, "the body is not valid JSON: " + e.getMessage())));
        }
        try {
            return JsonAccountImport.draft(json);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new InvalidAccountException(List.of(new ImportProblem(0, e.getMessage())));
        }
    }

    private static Response refused(InvalidAccountException e) {
        return ErrorMappers.refused("the input was refused; nothing was stored", e.problems());
    }
}
