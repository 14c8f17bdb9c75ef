package app.frontdesk.domain.model.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A company name reduced to what identifies it: lower case, without the legal form and quotes, so
 * that ООО «Ромашка», "Romashka LLC" and Romashka match themselves in any spelling of the form.
 */
public final class CompanyName {

    /** Legal forms that say nothing about which company it is. */
    public static final String LEGAL_FORMS = "ооо|оао|зао|пао|ао|нао|ип|ук|фгуп|муп|гуп|нко|ано|llc|ltd|limited|inc|corp|corporation|gmbh|ag|plc|co|company|oy|ab|sa|srl|bv";
    private static final Pattern FORM = Pattern.compile("(?iu)(^|\\s)(" + LEGAL_FORMS + ")\\.?(?=\\s|$)");

    private CompanyName() {
    }

    public static String normalize(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[«»\"“”„'`’,.()]", " ");
        s = FORM.matcher(s).replaceAll(" ");
        return s.replaceAll("\\s+", " ").strip();
    }
}
