package app.frontdesk.interfaces.rest;

import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.ImportRefused;
import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.application.payments.PaymentDraft;
import app.frontdesk.domain.model.billing.Invoice;
import app.frontdesk.domain.model.billing.PaymentSource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Invoices, payments and payment orders from billing and managers (administrator token). */
@Path("")
@RequestScoped
@AdminOnly
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BillingResource {

    @Inject
    PaymentDesk payments;

    @POST
    @Path("invoices")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One invoice or an array: {number, accountId, amount, currency, issueDate, dueDate}; all or nothing")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY),
            example = "[{\"number\": \"INV-2026-0042\", \"accountId\": 51, \"amount\": \"1500.00\", \"currency\": \"RUB\", \"issueDate\": \"2026-11-01\", \"dueDate\": \"2026-11-15\"}]"))
    public Response invoices(String body) {
        List<JsonObject> records = records(body);
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonObject o = records.get(i);
            try {
                invoices.add(new Invoice(BillingJson.text(o, "number", true), BillingJson.number(o, "accountId"),
                        BillingJson.money(o, "amount", "currency"), date(o, "issueDate"), date(o, "dueDate")));
            } catch (BadRequestException | IllegalArgumentException e) {
                throw new BadRequestException("record " + (i + 1) + ": " + e.getMessage());
            }
        }
        int stored;
        try {
            stored = payments.addInvoices(invoices);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("stored", stored).build().toString()).build();
    }

    @POST
    @Path("payments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "One payment or an array: {id, amount, currency, bookingDate?, valueDate?, payerInn?, payerAccount?, purpose?}")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY),
            example = "[{\"id\": \"bank-2026-11-23-7\", \"amount\": \"1500.00\", \"currency\": \"RUB\", \"bookingDate\": \"2026-11-23\", \"payerInn\": \"7701234567\", \"purpose\": \"Payment for invoice INV-2026-0042\"}]"))
    public Response payments(String body) {
        List<JsonObject> records = records(body);
        List<PaymentDraft> drafts = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonObject o = records.get(i);
            try {
                LocalDate booked = o.containsKey("bookingDate") ? date(o, "bookingDate") : null;
                drafts.add(new PaymentDraft("api:" + BillingJson.text(o, "id", true), BillingJson.money(o, "amount", "currency"), booked,
                        o.containsKey("valueDate") ? date(o, "valueDate") : booked, BillingJson.text(o, "payerInn", false),
                        BillingJson.text(o, "payerAccount", false), BillingJson.text(o, "purpose", false), PaymentSource.API));
            } catch (BadRequestException e) {
                throw new BadRequestException("record " + (i + 1) + ": " + e.getMessage());
            }
        }
        return result(payments.record(drafts));
    }

    @BodyLimit(bytes = 64L * 1024 * 1024) // a bank statement
    @POST
    @Path("payments/import")
    @Consumes({"text/csv", "application/octet-stream", "text/plain", "application/xml", "text/xml"})
    @Operation(summary = "A payment file: CSV (text/csv), a 1CClientBankExchange statement (windows-1251 or DOS) or an ISO 20022"
            + " camt.053/camt.054 message (booked and pending entries); every bad line or entry reported, nothing imported half-way")
    public Response importFile(byte[] body, @HeaderParam("Content-Type") String type) {
        try {
            return result(payments.importFile(body));
        } catch (ImportRefused e) {
            return ErrorMappers.refused("the file was refused; nothing was imported", e.problems());
        }
    }

    @GET
    @Path("payments/unmatched")
    @Operation(summary = "Payments that could not be tied to an account, for a person")
    public Response unmatched() {
        var list = JsonFactories.BUILDERS.createArrayBuilder();
        payments.unmatched(500, p -> p).forEach(p -> list.add(JsonFactories.BUILDERS.createObjectBuilder()
                .add("id", p.id()).add("externalId", p.externalId()).add("amount", p.amount().toString())
                .add("payerInn", p.payerInn() == null ? "" : p.payerInn()).add("purpose", p.purpose())
                .add("bookingDate", String.valueOf(p.bookingDate()))));
        return Response.ok(list.build().toString()).build();
    }

    private static Response result(PaymentDesk.Result r) {
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("stored", r.stored()).add("duplicates", r.duplicates())
                .add("allocated", r.allocated()).add("unallocated", r.unallocated()).add("unmatched", r.unmatched())
                .add("pending", r.pending()).add("accounts", JsonFactories.BUILDERS.createArrayBuilder(List.copyOf(r.accounts()))).build().toString()).build();
    }

    /** Records per request to /payments and /invoices; a larger set goes as a file to /payments/import, or in parts. */
    static final int MAX_RECORDS = 1_000;

    private static List<JsonObject> records(String body) {
        JsonValue v = BillingJson.parse(body);
        List<JsonObject> out = new ArrayList<>();
        if (v instanceof JsonObject o) {
            out.add(o);
        } else if (v instanceof JsonArray a && a.size() > MAX_RECORDS) {
            throw new WebApplicationException("at most " + MAX_RECORDS + " records per request (" + a.size() + " sent): send them in"
                    + " parts, or payments as a file to /api/payments/import", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        } else if (v instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (!(a.get(i) instanceof JsonObject o)) {
                    throw new BadRequestException("record " + (i + 1) + " is not an object");
                }
                out.add(o);
            }
        } else {
            throw new BadRequestException("the body must be an object or an array of objects");
        }
        return out;
    }

    static LocalDate date(JsonObject o, String key) {
        try {
            return LocalDate.parse(BillingJson.text(o, key, true));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("\"" + key + "\" must be a date YYYY-MM-DD");
        }
    }
}
