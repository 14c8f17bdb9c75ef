package app.frontdesk.interfaces.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The console's Jakarta Security mechanism: a person signed in through the login form (see
 * {@link ConsoleResource#signIn}) is in the HTTP session; every console request re-establishes them
 * as the caller, and a request without one is sent to the login page. The API's bearer tokens and
 * the one-click links are not this mechanism's business. To sign in through an OpenID Connect provider
 * instead, replace this bean with Payara's {@code @OpenIdAuthenticationMechanismDefinition} whose
 * caller name is the e-mail claim (docs/console.md): the pages only read the caller's name.
 */
@ApplicationScoped
public class StaffAuthentication implements HttpAuthenticationMechanism {

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/console")) {
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(StaffSession.KEY) instanceof StaffSession s && s.isSignedIn()) {
            return context.notifyContainerAboutLogin(s.email(), Set.of("staff"));
        }
        if (isPublic(path)) {
            return context.doNothing();
        }
        if ("GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null) {
            String back = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + "/console/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
        }
        // a form or an htmx request of a session that ended: htmx follows HX-Redirect, a form shows the status
        response.setHeader("HX-Redirect", request.getContextPath() + "/console/login");
        return context.responseUnauthorized();
    }

    static boolean isPublic(String path) {
        return path.equals("/console/login") || path.startsWith("/console/static/");
    }
}
