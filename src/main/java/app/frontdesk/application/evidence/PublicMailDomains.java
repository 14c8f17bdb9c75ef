package app.frontdesk.application.evidence;

import app.frontdesk.application.ConfigFile;
import app.frontdesk.application.verification.OrganizationalDomain;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Mail services anyone can sign up to (gmail.com, mail.ru, yandex.ru ...): an address there says
 * nothing about the company, so its domain never counts as evidence. The list is configuration,
 * {@code server-config/public-mail-domains.txt}, one domain per line.
 */
public final class PublicMailDomains {

    static final String FILE = "public-mail-domains.txt";

    private final Set<String> domains;

    public PublicMailDomains(Set<String> domains) {
        Set<String> lower = new HashSet<>();
        domains.forEach(d -> lower.add(d.strip().toLowerCase(Locale.ROOT)));
        this.domains = Set.copyOf(lower);
    }

    public boolean isPublic(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return domains.contains(d) || domains.contains(OrganizationalDomain.of(d));
    }

    public int size() {
        return domains.size();
    }

    public static PublicMailDomains load(Path configDir) {
        Set<String> set = new HashSet<>();
        for (String line : ConfigFile.read(configDir, FILE).text().split("\\r?\\n")) {
            String d = line.replaceAll("#.*", "").strip();
            if (!d.isEmpty()) {
                set.add(d);
            }
        }
        return new PublicMailDomains(set);
    }
}
