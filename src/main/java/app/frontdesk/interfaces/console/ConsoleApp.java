package app.frontdesk.interfaces.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/** The staff console at /console, apart from the machines' API at /api: its own filters, its own error pages. */
@ApplicationPath("/console")
public class ConsoleApp extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ConsoleResource.class, CasePages.class, TaskPages.class, StaffPages.class, PasswordPages.class, HeldPages.class, ToolPages.class, PaymentPages.class, AccountPages.class, NoticePages.class, CsrfCheck.class, ConsoleHeaders.class, ConsoleErrors.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
