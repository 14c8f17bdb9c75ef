package app.frontdesk.application.evidence;

import app.frontdesk.application.RegexScan;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.AccountReference;
import app.frontdesk.domain.model.account.CompanyName;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.account.Inn;
import app.frontdesk.domain.model.account.ReferenceKind;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the clues out of a message: subject, From display name and the first text part (where a
 * forwarded or quoted notice brings its invoice numbers along), and In-Reply-To / References.
 * Pure text work; looking them up is {@link AccountFinder}'s.
 */
public final class ClueExtractor {

    /** Bounded, so that one huge message cannot make a huge query. */
    static final int MAX_PER_KIND = 20;

    // Searched only from characters a match can start with (RegexScan): all of them tried at every position of a
    // 4 KB message took 575 us, the biggest share of the pipeline's CPU for an unknown sender (JFR, 2026-11-29).
    private static final RegexScan INN = scan("(?<![\\d-])(\\d{10}|\\d{12})(?![\\d-])");
    private static final RegexScan KPP = scan("(?iu)кпп\\s*[:№]?\\s*(\\d{9})(?!\\d)");
    /** +7 / 8 and ten digits in the usual groupings, or an international number with a plus. */
    private static final RegexScan PHONE = scan(
            "(?<![\\d+])((?:\\+7|8)[\\s(.-]*\\d{3}[\\s).-]*\\d{3}[\\s.-]*\\d{2}[\\s.-]*\\d{2}|\\+[1-69]\\d?[\\s(.-]*\\d{2,4}[\\s).-]*\\d{3,4}[\\s.-]*\\d{2,4}(?:[\\s.-]*\\d{2,4})?)(?!\\d)");
    /** A legal form followed by a name, quoted or not: ООО «Ромашка», АО "Северный ветер", LLC Romashka. */
    private static final RegexScan NAME_AFTER_FORM = scan(
            "(?iu)(?<![\\p{L}])(?:" + CompanyName.LEGAL_FORMS + ")\\.?\\s*[«\"“]([^»\"”\\n]{2,80})[»\"”]");
    /** A name followed by its legal form: Romashka LLC, Northwind Traders Ltd. */
    private static final RegexScan NAME_BEFORE_FORM = scan(
            "(?u)((?:\\p{Lu}[\\p{L}&'-]*[ \\t]){1,4})(?:LLC|Ltd|Inc|GmbH|Corp|PLC|AG)\\b\\.?");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final Map<ReferenceKind, RegexScan> patterns = new EnumMap<>(ReferenceKind.class);
    private final PublicMailDomains publicDomains;

    public ClueExtractor(EvidencePatterns patterns, PublicMailDomains publicDomains) {
        patterns.patterns().forEach((kind, pattern) -> this.patterns.put(kind, new RegexScan(pattern)));
        this.publicDomains = publicDomains;
    }

    public Clues extract(ParsedMail mail, EmailAddress sender) {
        String displayName = mail.from().size() == 1 ? mail.from().get(0).displayName() : "";
        String text = mail.subject() + "\n" + (displayName == null ? "" : displayName) + "\n" + mail.text();
        Map<ReferenceKind, Set<String>> refs = new EnumMap<>(ReferenceKind.class);
        patterns.forEach((kind, pattern) -> collect(refs, kind, pattern, text));
        INN.forEach(text, inn -> {
            if (Inn.isValid(inn.group(1))) {
                add(refs, ReferenceKind.INN, inn.group(1));
            }
        });
        collect(refs, ReferenceKind.KPP, KPP, text);
        collect(refs, ReferenceKind.PHONE, PHONE, text);
        collect(refs, ReferenceKind.NAME, NAME_AFTER_FORM, text);
        // "Dear Northwind Traders LLC": the words before the form may start earlier than the name does
        NAME_BEFORE_FORM.forEach(text, before -> {
            String[] words = before.group(1).strip().split("[ \\t]+");
            for (int i = 0; i < words.length; i++) {
                add(refs, ReferenceKind.NAME, String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length)));
            }
        });
        Set<String> replied = new LinkedHashSet<>();
        for (String h : new String[] {"In-Reply-To", "References"}) {
            for (String value : mail.headers(h)) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find() && replied.size() < MAX_PER_KIND * 2) {
                    replied.add(m.group());
                }
            }
        }
        String domain = sender == null || publicDomains.isPublic(sender.domain()) ? null : sender.domain();
        return new Clues(domain, refs, replied);
    }

    private static void collect(Map<ReferenceKind, Set<String>> refs, ReferenceKind kind, RegexScan pattern, String text) {
        pattern.forEach(text, m -> add(refs, kind, m.group(1)));
    }

    private static RegexScan scan(String regex) {
        return new RegexScan(Pattern.compile(regex));
    }

    private static void add(Map<ReferenceKind, Set<String>> refs, ReferenceKind kind, String raw) {
        String value = AccountReference.normalize(kind, raw);
        if (kind == ReferenceKind.PHONE && (value.length() < 10 || value.length() > 15)) {
            return;
        }
        if (value.length() < 2 || value.length() > 200) {
            return;
        }
        Set<String> set = refs.computeIfAbsent(kind, k -> new LinkedHashSet<>());
        if (set.size() < MAX_PER_KIND) {
            set.add(value);
        }
    }
}
