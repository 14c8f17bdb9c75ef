package app.frontdesk.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Frontdesk support-mail gateway", version = "1",
        description = "Takes support mail from the mail server, stores it before anything else, and routes it."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "FRONTDESK_MTA_TOKEN for the mail server, FRONTDESK_ADMIN_TOKEN for administrators")
public class FrontdeskApi extends Application {

    /**
     * Listed, not scanned: the console (interfaces.console) is a second application at /console, and
     * scanning would serve its pages under /api too. ApiClassesTest keeps this list complete.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AccountResource.class, BillingResource.class, CaseResource.class, InboundResource.class, LinkResource.class,
                NoopResource.class, NoticeResource.class, TaskResource.class, WordingResource.class,
                BearerTokenFilters.Mta.class, BearerTokenFilters.Admin.class, ErrorMappers.class, RequestBodyLimit.class);
    }

    /** No generated WADL: /openapi describes the API, and a WADL would only tell strangers more. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
