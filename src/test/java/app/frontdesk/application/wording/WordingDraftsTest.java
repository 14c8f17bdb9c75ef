package app.frontdesk.application.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wording rules measured on labelled support replies (src/test/resources/wording/*.txt): on the bad
 * drafts, how many of the rules each should trip are found (recall, per rule); on the good ones, every
 * finding is a false one. The files were written in rounds, each before the rules were tuned on it
 * ({@link Part}); the figures per part are printed and written to target/wording-drafts.txt. The
 * targets (90 % recall, no finding on a good draft) are asserted on every part the rules were tuned on,
 * which is now every part: the blind figures of each round, measured before it was tuned on, are kept in
 * docs/care.md with the rules that gave them (reproduce them with -Dwording.config).
 */
class WordingDraftsTest {

    private static final Path SET = Path.of("src/test/resources/wording");
    /**
     * The rules measured: the shipped ones, or (-Dwording.config=DIR, a directory holding wording/ru.rules and en.rules) those of
     * an earlier round, to reproduce the blind figures in docs/care.md; the targets then fail, as they should for old rules.
     */
    private static final Path CONFIG = Path.of(System.getProperty("wording.config", "server-config"));
    private static final WordingCheck CHECK = new WordingCheck(WordingRules.load(CONFIG));
    private static List<Draft> drafts;
    private static List<Outcome> outcomes;

    /**
     * Where a draft belongs, in the order the files were written (figures of each round before it was
     * tuned on: docs/care.md). TUNING and HELD_OUT: drafts.*.txt, written before any rule changed; the
     * rules were tuned on TUNING and HELD_OUT's misses were not read, though the rules were written
     * after reading all of them, so HELD_OUT is no blind measure. FRESH, BLIND, BLIND2: each written
     * after the tuning before it, measured blind, then tuned on. UNSEEN and UNSEEN2 (UNSEEN2 written on 2026-11-29
     * by a writer who had not read the rules): measured blind (figures before tuning in docs/care.md, rules of
     * 71b1069), then tuned on on 2026-11-29. UNSEEN3: written on 2026-11-29 by a third writer who had not read the rules
     * (told to paraphrase, not to reuse the textbook phrases), kept out of reach of the fifth tuning, measured after it,
     * then tuned on (the sixth tuning, 2026-11-29, which added rules by the shape of a sentence). UNSEEN4: written on 2026-11-29
     * by a fourth writer who had read neither the rules nor the other sets, kept out of reach of the sixth tuning, measured after
     * it, then tuned on (the seventh tuning). UNSEEN5: written on 2026-11-29 by a fifth writer in the same way, kept out of reach
     * of the seventh tuning, measured after it, then tuned on (the eighth tuning). UNSEEN6: written on 2026-11-29 by a sixth writer in the same way,
     * kept out of reach of the eighth tuning, measured after it, and never tuned on: the blind measure of today's rules.
     */
    enum Part { TUNING, HELD_OUT, FRESH, BLIND, BLIND2, UNSEEN, UNSEEN2, UNSEEN3, UNSEEN4, UNSEEN5, UNSEEN6 }

    record Draft(String id, Locale language, boolean bad, Purpose purpose, Set<String> expected, String text, Part part) {
    }

    /** What the check said about one draft: the labelled rules it found and missed, and what it found beyond them. */
    record Outcome(Draft draft, Set<String> found, Set<String> missed, List<Finding> extra) {
    }

    @BeforeAll
    static void checkEveryDraft() {
        drafts = new ArrayList<>();
        for (String lang : List.of("ru", "en")) {
            drafts.addAll(read(SET.resolve("drafts." + lang + ".txt"), Locale.forLanguageTag(lang), null));
            drafts.addAll(read(SET.resolve("fresh." + lang + ".txt"), Locale.forLanguageTag(lang), Part.FRESH));
            drafts.addAll(read(SET.resolve("blind." + lang + ".txt"), Locale.forLanguageTag(lang), Part.BLIND));
            drafts.addAll(read(SET.resolve("blind2." + lang + ".txt"), Locale.forLanguageTag(lang), Part.BLIND2));
            drafts.addAll(read(SET.resolve("unseen." + lang + ".txt"), Locale.forLanguageTag(lang), Part.UNSEEN));
            drafts.addAll(read(SET.resolve("unseen2." + lang + ".txt"), Locale.forLanguageTag(lang), Part.UNSEEN2));
            drafts.addAll(read(SET.resolve("unseen3." + lang + ".txt"), Locale.forLanguageTag(lang), Part.UNSEEN3));
            drafts.addAll(read(SET.resolve("unseen4." + lang + ".txt"), Locale.forLanguageTag(lang), Part.UNSEEN4));
            drafts.addAll(read(SET.resolve("unseen5." + lang + ".txt"), Locale.forLanguageTag(lang), Part.UNSEEN5));
            drafts.addAll(read(SET.resolve("unseen6." + lang + ".txt"), Locale.forLanguageTag(lang), Part.UNSEEN6));
        }
        outcomes = drafts.stream().map(WordingDraftsTest::outcome).toList();
        StringBuilder report = new StringBuilder("rules: " + CONFIG.resolve("wording") + "\n");
        report.append(table("tuning part", o -> o.draft().part() == Part.TUNING));
        report.append(table("held-out part (a quarter of drafts.*.txt, by id)", o -> o.draft().part() == Part.HELD_OUT));
        report.append(table("fresh part (fresh.*.txt, written after the first tuning, then tuned on)", o -> o.draft().part() == Part.FRESH));
        report.append(table("blind part (blind.*.txt, written after the second tuning, then tuned on)", o -> o.draft().part() == Part.BLIND));
        report.append(table("blind2 part (blind2.*.txt, written after the third tuning, then tuned on)", o -> o.draft().part() == Part.BLIND2));
        report.append(table("unseen part (unseen.*.txt, measured blind, figures before tuning in docs/care.md, then tuned on 2026-11-29)",
                o -> o.draft().part() == Part.UNSEEN));
        report.append(table("unseen2 part (unseen2.*.txt, written blind by another writer, measured blind, figures before tuning in docs/care.md, "
                + "then tuned on 2026-11-29)", o -> o.draft().part() == Part.UNSEEN2));
        report.append(table("unseen3 part (unseen3.*.txt, written blind by a third writer, measured blind, figures before tuning in docs/care.md, "
                + "then tuned on 2026-11-29)", o -> o.draft().part() == Part.UNSEEN3));
        report.append(table("unseen4 part (unseen4.*.txt, written blind by a fourth writer, measured blind, figures before tuning in docs/care.md, "
                + "then tuned on 2026-11-29)", o -> o.draft().part() == Part.UNSEEN4));
        report.append(table("unseen5 part (unseen5.*.txt, written blind by a fifth writer, measured blind, figures before tuning in docs/care.md, "
                + "then tuned on 2026-11-29)", o -> o.draft().part() == Part.UNSEEN5));
        report.append(table("tuned set (all of the above; the targets hold here)", WordingDraftsTest::tuned));
        report.append(table("unseen6 part (unseen6.*.txt, written blind by a sixth writer, never tuned on: how the rules do on new replies)",
                o -> o.draft().part() == Part.UNSEEN6));
        report.append(details());
        System.out.println(report);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/wording-drafts.txt"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSetIsLargeEnoughAndBalanced() {
        assertTrue(drafts.size() >= 120, drafts.size() + " drafts");
        for (String lang : List.of("ru", "en")) {
            long bad = drafts.stream().filter(d -> d.language().getLanguage().equals(lang) && d.bad()).count();
            long good = drafts.stream().filter(d -> d.language().getLanguage().equals(lang) && !d.bad()).count();
            assertTrue(bad >= 30 && good >= 30, lang + ": " + bad + " bad, " + good + " good");
        }
        assertTrue(drafts.stream().filter(Draft::bad).allMatch(d -> !d.expected().isEmpty()), "every bad draft names the rules it should trip");
        assertEquals(drafts.size(), drafts.stream().map(Draft::id).distinct().count(), "ids are unique");
    }

    @Test
    void atLeastNineInTenOfTheLabelledProblemsAreFound() {
        long labelled = outcomes.stream().filter(o -> tuned(o) && o.draft().bad()).mapToLong(o -> o.draft().expected().size()).sum();
        long found = outcomes.stream().filter(o -> tuned(o) && o.draft().bad()).mapToLong(o -> o.found().size()).sum();
        assertTrue(found * 10 >= labelled * 9, "recall " + found + "/" + labelled + ":\n" + details());
    }

    @Test
    void aGoodDraftGetsNoFindingAtAll() {
        List<String> falseFindings = outcomes.stream().filter(o -> tuned(o) && !o.draft().bad()).flatMap(o -> o.extra().stream()
                .map(f -> o.draft().id() + " " + f.rule() + " \"" + f.excerpt() + "\"")).toList();
        assertEquals(List.of(), falseFindings);
    }

    /**
     * Every part but UNSEEN6 is tuned on: UNSEEN to UNSEEN5 were measured blind first (docs/care.md keeps those figures and the
     * rules' commit). UNSEEN6 is measured, not asserted: a rule changed to pass it would no longer measure anything.
     */
    private static boolean tuned(Outcome o) {
        return o.draft().part() != Part.UNSEEN6;
    }

    private static Outcome outcome(Draft d) {
        List<Finding> findings = CHECK.check(d.text(), Optional.of(d.language()), d.purpose(), Optional.empty()).findings();
        Set<String> rules = findings.stream().map(Finding::rule).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> found = d.expected().stream().filter(rules::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> missed = d.expected().stream().filter(r -> !rules.contains(r)).collect(Collectors.toCollection(LinkedHashSet::new));
        return new Outcome(d, found, missed, findings.stream().filter(f -> !d.expected().contains(f.rule())).toList());
    }

    /** Per rule: labelled and found on the bad drafts, and on how many good drafts it fired. */
    private static String table(String title, Predicate<Outcome> part) {
        Map<String, int[]> byRule = new TreeMap<>(); // labelled, found, good drafts it fired on
        int bad = 0;
        int good = 0;
        int goodWithFindings = 0;
        for (Outcome o : outcomes) {
            if (!part.test(o)) {
                continue;
            }
            if (o.draft().bad()) {
                bad++;
                o.draft().expected().forEach(r -> byRule.computeIfAbsent(r, k -> new int[3])[0]++);
                o.found().forEach(r -> byRule.get(r)[1]++);
            } else {
                good++;
                goodWithFindings += o.extra().isEmpty() ? 0 : 1;
                o.extra().stream().map(Finding::rule).distinct().forEach(r -> byRule.computeIfAbsent(r, k -> new int[3])[2]++);
            }
        }
        StringBuilder s = new StringBuilder(String.format("%n== %s: %d bad drafts, %d good%n%-16s %9s %8s %12s%n", title, bad, good,
                "rule", "labelled", "recall", "false (good)"));
        int labelled = 0;
        int found = 0;
        int falseFindings = 0;
        for (var e : byRule.entrySet()) {
            int[] n = e.getValue();
            labelled += n[0];
            found += n[1];
            falseFindings += n[2];
            s.append(String.format("%-16s %9d %8s %12d%n", e.getKey(), n[0], n[0] == 0 ? "-" : percent(n[1], n[0]), n[2]));
        }
        s.append(String.format("%-16s %9d %8s %12d   (%d of %d good drafts with a finding)%n", "total", labelled,
                percent(found, labelled), falseFindings, goodWithFindings, good));
        return s.toString();
    }

    private static String details() {
        StringBuilder s = new StringBuilder("\n== misses and false findings\n");
        for (Outcome o : outcomes) {
            String tag = o.draft().id() + (o.draft().part() == Part.TUNING ? "" : " [" + o.draft().part().name().toLowerCase(Locale.ROOT) + "]");
            if (!o.missed().isEmpty()) {
                s.append(tag).append(" missed ").append(o.missed()).append('\n');
            }
            if (!o.draft().bad()) {
                o.extra().forEach(f -> s.append(tag).append(" false ").append(f.rule()).append(" \"").append(f.excerpt()).append("\"\n"));
            }
        }
        return s.toString();
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "-" : String.format("%d/%d %3.0f%%", part, whole, 100.0 * part / whole);
    }

    /** Drafts start with "=== id | bad|good | general|recovery | rule, rule" and run to the next such line. */
    /** @param part the part of every draft in the file, or null for drafts.*.txt: tuning, with a quarter held out */
    static List<Draft> read(Path file, Locale language, Part part) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Draft> out = new ArrayList<>();
        String[] head = null;
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("=== ")) {
                add(out, head, text, language, file, part);
                head = line.substring(4).split("\\|", -1);
                text.setLength(0);
            } else if (head != null) {
                text.append(line).append('\n');
            }
        }
        add(out, head, text, language, file, part);
        return out;
    }

    private static void add(List<Draft> out, String[] head, StringBuilder text, Locale language, Path file, Part part) {
        if (head == null) {
            return;
        }
        if (head.length != 4 || !head[1].strip().matches("bad|good")) {
            throw new IllegalArgumentException(file + ": a draft line needs id | bad or good | purpose | rules: " + String.join("|", head));
        }
        Set<String> expected = Arrays.stream(head[3].split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        out.add(new Draft(head[0].strip(), language, head[1].strip().equals("bad"),
                Purpose.valueOf(head[2].strip().toUpperCase(Locale.ROOT)), expected, text.toString().strip(),
                part != null ? part : heldOut(head[0].strip()) ? Part.HELD_OUT : Part.TUNING));
    }

    /**
     * A fixed draw that does not look at the labels: the id's hash, one in four. Taking every 4th
     * draft of a file was the first idea, but it followed the order the drafts were written in and
     * left no contract-clause, favour or "understanding" draft in the held-out part.
     */
    static boolean heldOut(String id) {
        return Math.floorMod(id.hashCode(), 4) == 3;
    }
}
