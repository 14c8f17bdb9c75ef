package app.frontdesk.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.texts.Rendered;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.texts.Text;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every link in a staff mail opens the matching console page (after sign-in): each staff template, in both
 * languages, text and HTML, is rendered and each link in it must be a page the console serves (a GET route
 * of the console's resources, read from their annotations, so a renamed page fails here). Two kinds of link
 * are not console pages, on purpose: the signed one-click pages of a manager's alert (/api/links/..., a page
 * that works without sign-in and asks before it acts) and the readiness check in the administrator's alert.
 */
public class StaffMailLinksTest {

    /** The mails to staff (managers, the support lead, billing, the administrator): every one has links. */
    static final List<Text> STAFF_MAILS = List.of(Text.MANAGER_ALERT, Text.MANAGER_DIGEST, Text.RED_FLAG_ALERT, Text.TASK_ALERT,
            Text.CASE_HANDOVER, Text.ADMIN_ALERT, Text.BILLING_UPDATE, Text.NOTICE_HELD, Text.PAYMENT_ORDER_NOTED,
            Text.PAYMENT_ORDER_UNCLEAR);
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>)]+");
    private static final Pattern ONE_CLICK = Pattern.compile("https?://[^/]+/api/links/[^/?#]+");
    private static final Pattern HEALTH = Pattern.compile("https?://[^/]+/health/ready");

    @Test
    void everyLinkInEveryStaffMailIsAConsolePage() {
        TemplateLibrary templates = TemplateLibrary.load(java.nio.file.Path.of("server-config/templates"), CaseTexts::sample);
        List<Pattern> pages = consolePages();
        for (Text text : STAFF_MAILS) {
            for (Locale lang : TemplateLibrary.LANGUAGES) {
                Rendered r = templates.render(text, lang, CaseTexts.sample(text));
                List<String> links = new ArrayList<>();
                for (String part : new String[] {r.text(), r.html() == null ? "" : r.html()}) {
                    Matcher m = LINK.matcher(part);
                    while (m.find()) {
                        links.add(m.group().replaceAll("[.,;:]+$", "").replace("&amp;", "&"));
                    }
                }
                assertFalse(links.isEmpty(), text + " " + lang + " has no link at all");
                for (String link : links) {
                    boolean page = isConsolePage(link, pages);
                    boolean allowed = page || ONE_CLICK.matcher(link).matches() && text == Text.MANAGER_ALERT
                            || HEALTH.matcher(link).matches() && text == Text.ADMIN_ALERT;
                    assertTrue(allowed, text + " (" + lang + ") links to " + link + ", which is no console page");
                    assertFalse(link.contains("/api/") && !ONE_CLICK.matcher(link).matches(), link + ": the JSON API answers a browser 401");
                }
            }
        }
    }

    @Test
    void theRoutesAreReadFromTheResourcesAsServed() {
        List<Pattern> pages = consolePages();
        assertTrue(isConsolePage("https://x.example/console/cases/51", pages));
        assertTrue(isConsolePage("https://x.example/console/accounts/7", pages));
        assertTrue(isConsolePage("https://x.example/console/notices/77", pages));
        assertTrue(isConsolePage("https://x.example/console/held?state=QUARANTINED", pages));
        assertTrue(isConsolePage("https://x.example/console/", pages));
        assertFalse(isConsolePage("https://x.example/console/cases/51/authorize", pages), "a POST is no page to open");
        assertFalse(isConsolePage("https://x.example/api/cases/51", pages));
        assertFalse(isConsolePage("https://x.example/console/case/51", pages));
        for (Class<?> resource : List.of(ConsoleResource.class, CasePages.class, AccountPages.class, NoticePages.class, HeldPages.class,
                PaymentPages.class, StaffPages.class, ToolPages.class, TaskPages.class)) {
            assertTrue(new ConsoleApp().getClasses().contains(resource), resource + " is served by the console application");
        }
    }

    /** True when {@code link} opens a page of the console (query and fragment aside). */
    public static boolean isConsolePage(String link, List<Pattern> pages) {
        String path = link.replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*$", "");
        return pages.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /** Every GET route of the console's resources, as a pattern over the path ({id} matches one segment). */
    public static List<Pattern> consolePages() {
        List<Pattern> routes = new ArrayList<>();
        // what the console application serves: a resource it does not list answers 404 for every route
        for (Class<?> c : new ConsoleApp().getClasses()) {
            Path base = c.getAnnotation(Path.class);
            if (base == null) {
                continue; // filters and error mappers
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(GET.class)) {
                    Path sub = m.getAnnotation(Path.class);
                    String path = "/console/" + join(base.value(), sub == null ? "" : sub.value());
                    if (!path.contains("static/")) {
                        routes.add(Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q").replace("\\Q\\E", "")
                                + (path.endsWith("/") ? "" : "/?")));
                    }
                }
            }
        }
        return routes;
    }

    private static String join(String a, String b) {
        String x = a.replaceAll("^/+|/+$", "");
        String y = b.replaceAll("^/+|/+$", "");
        return x.isEmpty() ? y : y.isEmpty() ? x : x + "/" + y;
    }
}
