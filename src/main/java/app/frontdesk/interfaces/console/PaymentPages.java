package app.frontdesk.interfaces.console;

import app.frontdesk.application.ImportRefused;
import app.frontdesk.application.accountdesk.AccountDesk;
import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payments, for billing and administrators: upload a bank statement (CSV, 1C, camt) and see what it
 * did or every line that is wrong; tie an unmatched payment to its account.
 */
@Path("payments")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PaymentPages {

    /** As the API's import: a month of a busy account's statement fits. */
    static final int MAX_FILE = 64 * 1024 * 1024;

    @Inject
    PaymentDesk payments;

    @Inject
    ConsoleSupport support;

    @Inject
    AccountDesk accounts;

    @GET
    public Response page() {
        Viewer v = support.viewerWith(StaffRole.BILLING, StaffRole.ADMIN);
        return support.page("payments", v, model(v));
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(InputStream body, @HeaderParam("Content-Type") String type) throws IOException {
        Viewer v = support.viewerWith(StaffRole.BILLING, StaffRole.ADMIN);
        byte[] raw = body.readNBytes(MAX_FILE + 64 * 1024);
        Map<String, Object> m = model(v);
        byte[] file = MultipartFile.part(raw, type, "file").orElse(new byte[0]);
        if (raw.length > MAX_FILE) {
            m.put("tooLarge", true);
        } else if (file.length == 0) {
            m.put("empty", true);
        } else {
            try {
                PaymentDesk.Result r = payments.importFile(file);
                m.put("imported", Map.of("stored", r.stored(), "duplicates", r.duplicates(), "allocated", r.allocated(),
                        "unallocated", r.unallocated(), "unmatched", r.unmatched(), "pending", r.pending(), "accounts", r.accounts().size()));
                m.putAll(unmatched()); // the list as it is after the import
            } catch (ImportRefused e) {
                m.put("refused", Map.of("count", e.problems().size(), "problems", e.problems().stream().limit(500)
                        .map(p -> Map.of("line", p.line(), "problem", p.problem())).toList()));
            }
        }
        return support.page("payments", v, m);
    }

    @POST
    @Path("{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") long id, @FormParam("account") Long account) {
        Viewer v = support.viewerWith(StaffRole.BILLING, StaffRole.ADMIN);
        if (account == null) {
            return ConsoleSupport.seeOther("/console/payments?problem=accountMissing");
        }
        try {
            return payments.assignAs(v, id, account)
                    .map(s -> ConsoleSupport.seeOther("/console/payments?assigned=" + id))
                    .orElseGet(() -> ConsoleSupport.seeOther("/console/payments?problem=noPayment"));
        } catch (IllegalArgumentException e) {
            return ConsoleSupport.seeOther("/console/payments?problem=noAccount");
        } catch (IllegalStateException e) {
            return ConsoleSupport.seeOther("/console/payments?problem=alreadyMatched");
        }
    }

    private Map<String, Object> model(Viewer v) {
        Map<String, Object> m = support.base(v, "payments");
        Map<String, Object> unmatched = unmatched();
        m.putAll(unmatched);
        String forPayment = support.param("for");
        String q = support.param("q");
        if (forPayment != null && forPayment.matches("\\d{1,18}") && q != null && !q.isBlank()) {
            searchFor(v, Long.parseLong(forPayment), q.strip(), unmatched);
        }
        String assigned = support.param("assigned");
        if (assigned != null && assigned.matches("\\d{1,18}")) {
            m.put("assigned", Map.of("id", assigned));
        }
        return m;
    }

    /**
     * The account search of the accounts list and the case page (name, INN, domain, invoice number...), narrowed to
     * the accounts the viewer may see, shown under the payment it was asked for; each found account is a button.
     */
    @SuppressWarnings("unchecked")
    private void searchFor(Viewer v, long paymentId, String q, Map<String, Object> unmatched) {
        for (Map<String, Object> row : (List<Map<String, Object>>) unmatched.get("unmatched")) {
            if (((Long) row.get("id")) == paymentId) {
                List<Map<String, Object>> found = accounts.search(v, q, 0, 10, l -> Map.<String, Object>of("paymentId", paymentId,
                        "accountId", l.account().id(), "accountName", l.account().name(), "domains", String.join(", ", l.domains()))).rows();
                row.put("searchValue", q);
                row.put("searchedHere", true);
                row.put("foundHere", found);
                row.put("nothingFoundHere", found.isEmpty());
            }
        }
    }

    private Map<String, Object> unmatched() {
        List<Map<String, Object>> rows = payments.unmatched(200, p -> {
            Map<String, Object> x = new HashMap<>();
            x.put("id", p.id());
            x.put("externalId", p.externalId());
            x.put("amount", p.amount().toString());
            x.put("date", String.valueOf(p.bookingDate()));
            x.put("payerInn", p.payerInn() == null ? "" : p.payerInn());
            x.put("purpose", p.purpose() == null ? "" : p.purpose());
            x.put("searchValue", p.payerInn() == null ? "" : p.payerInn()); // the payer's INN finds the company in one click
            return x;
        });
        return Map.of("unmatched", rows, "noUnmatched", rows.isEmpty());
    }
}
