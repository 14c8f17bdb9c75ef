package app.frontdesk.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, as a second person beside the browser: a cookie jar of their own,
 * sign-in through the login form with its CSRF token, forms posted as a browser posts them. The
 * browser tests use it for what no page offers (another manager's URLs and forms, a missing token).
 */
public final class ConsoleHttp {

    private ConsoleHttp() {
    }

    /** A client with its own session cookie, following no redirects (the tests look at each answer). */
    public static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpResponse<String> login(HttpClient http, GatewayProcess gateway, String email, String password) throws Exception {
        String form = get(http, gateway, "/console/login").body();
        return post(http, gateway, "/console/login", Map.of("_csrf", csrf(form), "email", email, "password", password, "next", "/console/"));
    }

    /** The session's CSRF token on a page: a form's hidden field or the page's meta tag. */
    public static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"(?:_csrf|csrf-token)\" (?:value|content)=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    /** The session cookie an answer sets, as the header says it (attributes and all); empty when it sets none. */
    public static java.util.Optional<String> sessionCookie(HttpResponse<?> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("FRONTDESK_SESSION=")).findFirst();
    }

    /** A cookie header's attributes, lower-cased and without values ("httponly", "secure", "samesite=strict", "path=/console"). */
    public static java.util.Set<String> cookieAttributes(String setCookie) {
        return java.util.Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** A GET with a cookie of our choosing and no cookie jar: what a browser still holding that cookie would send. */
    public static HttpResponse<String> getWithCookie(GatewayProcess gateway, String path, String cookie) throws Exception {
        HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return bare.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted with a cookie of our choosing and no cookie jar. */
    public static HttpResponse<String> postWithCookie(GatewayProcess gateway, String path, String cookie, Map<String, String> fields)
            throws Exception {
        HttpClient bare = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return bare.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(HttpClient http, GatewayProcess gateway, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> post(HttpClient http, GatewayProcess gateway, String path, Map<String, String> fields) throws Exception {
        String body = form(fields);
        return http.send(HttpRequest.newBuilder(URI.create(gateway.url() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
