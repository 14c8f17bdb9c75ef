package app.frontdesk.application.verification;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The organizational domain of a host name (RFC 7489 section 3.2): the registrable domain under the
 * public suffix list that Guava ships and keeps current. Two names are aligned when their
 * organizational domains are equal (relaxed DKIM alignment).
 */
public final class OrganizationalDomain {

    private OrganizationalDomain() {
    }

    public static String of(String domain) {
        String d = domain.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            InternetDomainName name = InternetDomainName.from(d);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
            if (name.isPublicSuffix()) {
                return d;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return d;
        }
        // Not under any public suffix (reserved test names such as .example, intranet names): the last two labels.
        String[] labels = d.split("\\.");
        return labels.length <= 2 ? d : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    public static boolean aligned(String a, String b) {
        return a != null && b != null && of(a).equals(of(b));
    }
}
