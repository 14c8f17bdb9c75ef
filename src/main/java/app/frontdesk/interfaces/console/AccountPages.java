package app.frontdesk.interfaces.console;

import app.frontdesk.application.accountdesk.AccountDesk;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The accounts: a paged, searchable list and each account's page (contacts, domains, numbers,
 * invoices, payments, payment orders, the care timeline and the red flag) with what a person does
 * there. Only what the viewer may see and do: the application's queries are narrowed to them, and an
 * account (or a form on it) that is not theirs answers 404 like one that does not exist.
 */
@Path("accounts")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class AccountPages {

    static final int PAGE = 25;
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("d.M.uuuu");

    @Inject
    AccountDesk accounts;

    @Inject
    AccountViews views;

    @Inject
    ConsoleSupport support;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("after") Long after) {
        Viewer v = support.viewer();
        String search = q == null ? "" : q.strip();
        if (search.length() > 200) {
            search = search.substring(0, 200);
        }
        AccountDesk.Page<Map<String, Object>> page = accounts.search(v, search, after == null ? 0 : Math.max(0, after), PAGE, views::listRow);
        Map<String, Object> m = support.base(v, "accounts");
        m.put("q", search);
        m.put("searched", !search.isEmpty());
        m.put("accounts", page.rows());
        m.put("none", page.rows().isEmpty());
        m.put("later", after != null && after > 0);
        String query = search.isEmpty() ? "" : "q=" + URLEncoder.encode(search, StandardCharsets.UTF_8) + "&";
        m.put("firstPage", "/console/accounts" + (search.isEmpty() ? "" : "?" + query.substring(0, query.length() - 1)));
        page.nextAfter().ifPresent(n -> m.put("nextPage", "/console/accounts?" + query + "after=" + n));
        return support.page("accounts", v, m);
    }

    @GET
    @Path("{id}")
    public Response accountPage(@PathParam("id") long id, @QueryParam("done") String done) {
        Viewer v = support.viewer();
        Map<String, Object> m = accounts.detailFor(v, id, d -> views.detail(v, d)).orElseThrow(NotFoundException::new);
        m.putAll(support.base(v, "account"));
        if (done != null && done.matches("[a-zA-Z]{1,20}")) {
            m.put("done", Map.of(done, true));
        }
        return support.page("account", v, m);
    }

    @POST
    @Path("{id}/contacts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addContact(@PathParam("id") long id, @FormParam("address") String address, @FormParam("name") String name,
                               @FormParam("language") String language, @FormParam("reason") String reason) {
        Viewer v = support.viewer();
        Locale lang = "en".equals(language) ? Locale.ENGLISH : Locale.forLanguageTag("ru");
        return act(id, "contactAdded", "contacts", () -> accounts.addContact(v, id, address, name, lang, reason));
    }

    @POST
    @Path("{id}/contacts/{contact}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeContact(@PathParam("id") long id, @PathParam("contact") long contact, @FormParam("reason") String reason) {
        Viewer v = support.viewer();
        return act(id, "contactRemoved", "contacts", () -> accounts.removeContact(v, id, contact, reason));
    }

    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addEvidence(@PathParam("id") long id, @FormParam("number") String number, @FormParam("date") String date,
                                @FormParam("amount") String amount, @FormParam("currency") String currency) {
        Viewer v = support.viewer();
        Optional<LocalDate> on = date(date);
        if (date != null && !date.isBlank() && on.isEmpty()) {
            return back(id, "evidence", "date");
        }
        return act(id, "evidenceAdded", "evidence", () -> accounts.addEvidence(v, id, number, on.orElse(null), amount, currency));
    }

    @POST
    @Path("{id}/flag/clear")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clearFlag(@PathParam("id") long id, @FormParam("note") String note) {
        Viewer v = support.viewer();
        return act(id, "flagCleared", "care", () -> accounts.clearFlag(v, id, note));
    }

    /** Runs an action; none (not the viewer's account) is 404, a refusal goes back to the form with the problem named. */
    private Response act(long id, String done, String section, Supplier<? extends Optional<?>> action) {
        try {
            action.get().orElseThrow(NotFoundException::new);
            return ConsoleSupport.seeOther("/console/accounts/" + id + "?done=" + done + "#" + section);
        } catch (AccountDesk.Refused e) {
            return back(id, section, e.problem());
        } catch (IllegalStateException e) {
            return back(id, section, "conflict");
        }
    }

    private static Response back(long id, String section, String problem) {
        return ConsoleSupport.seeOther("/console/accounts/" + id + "?problem=" + problem + "#" + section);
    }

    /** A date from the form's date field (ISO), or as people type it (20.11.2026); none when empty or not a date. */
    static Optional<LocalDate> date(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DOTTED)) {
            try {
                return Optional.of(LocalDate.parse(s.strip(), f));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return Optional.empty();
    }
}
