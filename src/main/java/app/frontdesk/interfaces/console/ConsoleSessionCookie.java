package app.frontdesk.interfaces.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.Locale;

/**
 * Marks the session cookie Secure when the console is reached over https (FRONTDESK_PUBLIC_URL), so
 * it never travels in clear; over plain http (the local demo) a Secure cookie would never come back.
 * The rest of the cookie's settings are in web.xml, SameSite in glassfish-web.xml.
 */
@WebListener
public class ConsoleSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String url = System.getenv("FRONTDESK_PUBLIC_URL");
        if (url != null && url.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
