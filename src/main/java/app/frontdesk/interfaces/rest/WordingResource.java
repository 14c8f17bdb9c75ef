package app.frontdesk.interfaces.rest;

import app.frontdesk.application.json.JsonFactories;
import app.frontdesk.application.wording.Finding;
import app.frontdesk.application.wording.Purpose;
import app.frontdesk.application.wording.WordingCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The wording rules for drafts that managers write (administrator token). */
@Path("wording/check")
@RequestScoped
@AdminOnly
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WordingResource {

    @Inject
    WordingCheck wording;

    @BodyLimit(bytes = WordingCheck.MAX_CHARS + 4 * 1024) // a draft, with room for the JSON around it
    @POST
    @Operation(summary = "{text, language?: ru|en, purpose?: general|recovery, customerMessage?} -> findings with position, rule and suggestion")
    @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT),
            example = "{\"text\": \"Dear Ivan, we are sorry ...\", \"language\": \"en\", \"purpose\": \"recovery\"}"))
    public Response check(String body) {
        JsonObject o = BillingJson.object(body);
        String text = BillingJson.text(o, "text", true);
        Optional<Locale> language = Optional.ofNullable(BillingJson.text(o, "language", false)).map(Locale::forLanguageTag);
        Purpose purpose;
        try {
            purpose = Purpose.valueOf(Optional.ofNullable(BillingJson.text(o, "purpose", false)).orElse("general").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("\"purpose\" must be general or recovery");
        }
        WordingCheck.Result r;
        try {
            r = wording.check(text, language, purpose,
                    Optional.ofNullable(BillingJson.text(o, "customerMessage", false)));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        var findings = JsonFactories.BUILDERS.createArrayBuilder();
        for (Finding f : r.findings()) {
            findings.add(JsonFactories.BUILDERS.createObjectBuilder().add("rule", f.rule()).add("start", f.start()).add("end", f.end())
                    .add("excerpt", f.excerpt()).add("message", f.message()).add("suggestion", f.suggestion()));
        }
        return Response.ok(JsonFactories.BUILDERS.createObjectBuilder().add("language", r.language().getLanguage()).add("findings", findings)
                .build().toString()).build();
    }
}
