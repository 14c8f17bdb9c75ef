package app.frontdesk.interfaces.console;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What the console's pages need of the configuration, handed over by the wiring.
 *
 * @param templatesDir the operator's templates (console pages are under {@code console/})
 * @param company      the name pages are signed with
 * @param zone         the time zone times are shown in
 * @param language     the language of pages before sign-in when the browser names none we have
 * @param clock        the gateway's clock (a replay runs on its own), for ages and countdowns
 */
public record ConsoleSettings(Path templatesDir, String company, ZoneId zone, Locale language, java.time.Clock clock) {
}
