package app.frontdesk.application.wording;

import app.frontdesk.application.texts.Languages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a text a customer will read against the wording rules of its language. Phrases that blame,
 * philosophise or excuse us are found where they stand, refusals without a real reason where they
 * refuse ({@link Refusals}); what a text must have (a next step, a deadline, a person; in recovery
 * texts an apology, a question, something beyond the fix) is found missing as a whole. With the
 * customer's own message, a question of theirs the text does not touch is reported.
 */
public final class WordingCheck {

    private static final Pattern WORD = Pattern.compile("[\\p{L}]{5,}");
    private static final Set<String> STOP = Set.of("почему", "когда", "какой", "какая", "какие", "можно", "могу", "можете", "будет", "этого",
            "which", "where", "there", "about", "would", "could", "should", "their", "these", "those", "what", "скажите", "пожалуйста",
            "please");

    /** The longest draft checked (the HTTP endpoint takes 100 KiB): every rule runs in time linear in it. */
    public static final int MAX_CHARS = 100 * 1024;

    private final WordingRules rules;

    public WordingCheck(WordingRules rules) {
        this.rules = rules;
    }

    public record Result(Locale language, List<Finding> findings) {
    }

    public Result check(String text, Optional<Locale> language, Purpose purpose, Optional<String> customerMessage) {
        if (text.length() > MAX_CHARS || customerMessage.map(String::length).orElse(0) > MAX_CHARS) {
            throw new IllegalArgumentException("a draft and a customer's message of at most " + MAX_CHARS + " characters each are checked");
        }
        Locale lang = language.orElseGet(() -> Languages.detect(Optional.empty(), text).orElse(Locale.ENGLISH));
        List<WordingRules.Rule> all = rules.rules(lang);
        boolean ru = lang.getLanguage().equals("ru");
        List<Finding> findings = new ArrayList<>();
        for (WordingRules.Rule r : all) {
            if (r.kind() != WordingRules.Kind.PHRASE && !(r.kind() == WordingRules.Kind.ERRED_PHRASE && purpose == Purpose.RECOVERY)) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start()) {
                    findings.add(new Finding(r.id(), m.start(), m.end(), text.substring(m.start(), m.end()), "", r.suggestion()));
                }
            }
        }
        // maxims and bare refusals are found by the shape of a sentence and of the text, where phrase lists miss new wordings
        int[] sentences = Sentences.starts(text);
        findings.addAll(GeneralTruths.find(text, all, sentences, findings));
        // A clause cited to give the customer something is help, not hiding: what tells "согласно п. 7.4 ... поэтому мы не
        // можем" from "по п. 7.4 вам положен возврат; я оформил его" is what the paragraph gives, and it may stand a sentence
        // before or after the citation, where a lookahead inside the terms rules cannot reach.
        findings.removeIf(f -> f.rule().equals("terms") && entitled(all, text, f));
        // "we are sorry you feel that way" holds "we are sorry" but is no apology: a marker overlapping a flagged phrase does not count
        boolean apology = outside(findings, all, WordingRules.Kind.APOLOGY, text);
        findings.replaceAll(f -> new Finding(f.rule(), f.start(), f.end(), f.excerpt(), message(f.rule(), apology, ru), f.suggestion()));
        boolean nextStep = has(all, WordingRules.Kind.NEXT_STEP, text); // once, not again for every refusal found
        findings.addAll(Refusals.find(text, all, sentences, nextStep, ru));
        findings.addAll(FlatRefusals.find(text, all, sentences, findings, ru));
        missing(findings, all, text, WordingRules.Kind.NEXT_STEP, "next-step",
                ru ? "Нет следующего шага: что клиент может сделать?" : "No next step: what can the customer do?",
                ru ? "Напишите, что клиент может сделать сейчас." : "Say what the customer can do now.");
        missing(findings, all, text, WordingRules.Kind.DEADLINE, "deadline",
                ru ? "Нет срока: когда клиент получит ответ или решение?" : "No deadline: by when will the customer hear from us?",
                ru ? "Назовите дату и время: «ответим до 25 ноября, 18:00»." : "Give a date and time: \"we will answer by 25 November, 18:00\".");
        missing(findings, all, text, WordingRules.Kind.CONTACT, "contact",
                ru ? "Нет человека, которому можно позвонить или написать." : "No person to call or write to.",
                ru ? "Добавьте имя, телефон или адрес." : "Add a name, a phone number or an address.");
        if (purpose == Purpose.RECOVERY) {
            if (!apology) {
                findings.add(new Finding("apology", 0, 0, "", ru ? "Нет извинения: мы ошиблись." : "No apology, though we erred.",
                        ru ? "Начните с «Простите нас: мы ошиблись»." : "Start with \"We are sorry: we got this wrong\"."));
            }
            missing(findings, all, text, WordingRules.Kind.QUESTION, "question",
                    ru ? "Не спросили, что сделает ситуацию правильной для клиента." : "No question about what would make it right.",
                    ru ? "Спросите: «Что ещё мы можем сделать для вас?»" : "Ask: \"What else can we do to make this right?\"");
            missing(findings, all, text, WordingRules.Kind.COMPENSATION, "compensation",
                    ru ? "Кроме исправления ошибки, клиент ничего не получил." : "Nothing is given beyond the fix.",
                    ru ? "Предложите что-то сверх исправления: бонус, скидку, месяц обслуживания." : "Offer something beyond the fix: a bonus, a discount, a free month.");
        }
        customerMessage.ifPresent(msg -> unanswered(findings, msg, text, ru));
        findings.sort(java.util.Comparator.comparingInt(Finding::start));
        return new Result(lang, findings);
    }

    private static String message(String rule, boolean apology, boolean ru) {
        return switch (rule) {
            case "debt" -> ru ? "Мы ошиблись, а текст называет это долгом клиента." : "We erred, yet the text calls it the customer's debt.";
            case "philosophy" -> apology ? (ru ? "Общие слова вместо того, чтобы назвать нашу ошибку." : "A general truth instead of naming our mistake.")
                    : (ru ? "Философское вступление вместо извинения." : "Philosophising instead of apologising.");
            case "terms" -> ru ? "Текст прячется за пунктами договора вместо объяснения." : "The text hides behind the terms instead of explaining.";
            case "non-apology" -> ru ? "Извинение за чувства клиента или «возможные неудобства», а не за то, что сделали мы."
                    : "An apology for the customer's feelings or \"any inconvenience\", not for what we did.";
            case "favour" -> ru ? "Исправление нашей ошибки подано как одолжение." : "What we owe is presented as a favour.";
            case "understanding" -> ru ? "Текст просит клиента смириться, вместо того чтобы объяснить." : "The text asks the customer to accept it instead of explaining.";
            default -> ru ? "Текст оправдывается или упрекает клиента." : "The text blames the customer or excuses us.";
        };
    }

    /** How far around a clause citation, within its paragraph, an entitlement is looked for: a sentence or two. */
    private static final int ENTITLED_WITHIN = 300;

    /** An entitlement marker near the finding, in its paragraph (blank lines part paragraphs); bounded, so linear overall. */
    private static boolean entitled(List<WordingRules.Rule> all, String text, Finding f) {
        int from = Math.max(0, f.start() - ENTITLED_WITHIN);
        int to = Math.min(text.length(), f.end() + ENTITLED_WITHIN);
        // the paragraph's ends looked for inside the window only: a search from the finding to the text's ends would make
        // a long draft with many citations quadratic
        int before = text.substring(from, f.start()).lastIndexOf("\n\n");
        int after = text.substring(f.end(), to).indexOf("\n\n");
        from = before < 0 ? from : from + before;
        to = after < 0 ? to : f.end() + after;
        for (WordingRules.Rule r : all) {
            if (r.kind() == WordingRules.Kind.ENTITLEMENT && r.pattern().matcher(text).region(from, to).find()) {
                return true;
            }
        }
        return false;
    }

    /** Some match of the kind overlaps no phrase already found (phrases by start, with the furthest end so far: a binary search each). */
    private static boolean outside(List<Finding> phrases, List<WordingRules.Rule> all, WordingRules.Kind kind, String text) {
        List<Finding> sorted = phrases.stream().sorted(java.util.Comparator.comparingInt(Finding::start)).toList();
        int[] starts = sorted.stream().mapToInt(Finding::start).toArray();
        int[] furthest = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            furthest[i] = Math.max(sorted.get(i).end(), i > 0 ? furthest[i - 1] : 0);
        }
        for (WordingRules.Rule r : all) {
            if (r.kind() != kind) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                int lo = 0; // the first phrase starting at or after the match's end; the ones before it may overlap it
                int hi = starts.length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (starts[mid] < m.end()) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                if (lo == 0 || furthest[lo - 1] <= m.start()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void missing(List<Finding> findings, List<WordingRules.Rule> all, String text, WordingRules.Kind kind, String id,
                                String message, String suggestion) {
        if (!has(all, kind, text)) {
            findings.add(new Finding(id, 0, 0, "", message, suggestion));
        }
    }

    private static boolean has(List<WordingRules.Rule> all, WordingRules.Kind kind, String text) {
        return all.stream().anyMatch(r -> r.kind() == kind && r.pattern().matcher(text).find());
    }

    /** Each question of the customer whose words (stems of five letters) the text does not take up. */
    private static void unanswered(List<Finding> findings, String customer, String text, boolean ru) {
        Set<String> answerStems = stems(text);
        // sentences split by hand: a pattern "[^.!?\n]*\?" tried again from every position of a long line took quadratic time
        int sentenceStart = 0;
        for (int i = 0; i < customer.length(); i++) {
            char c = customer.charAt(i);
            if (c != '?' && c != '.' && c != '!' && c != '\n') {
                continue;
            }
            String question = customer.substring(sentenceStart, i + 1).strip();
            sentenceStart = i + 1;
            if (c != '?') {
                continue;
            }
            Set<String> asked = stems(question);
            if (asked.isEmpty()) {
                continue;
            }
            long taken = asked.stream().filter(answerStems::contains).count();
            if (taken * 3 < asked.size()) {
                findings.add(new Finding("unanswered-question", 0, 0, question,
                        ru ? "Текст не отвечает на вопрос клиента: «" + question + "»" : "The text does not answer the customer's question: \"" + question + "\"",
                        ru ? "Ответьте на вопрос прямо, в первых строках." : "Answer the question directly, in the first lines."));
            }
        }
    }

    private static Set<String> stems(String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher w = WORD.matcher(s.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        while (w.find()) {
            String word = w.group();
            if (!STOP.contains(word)) {
                out.add(word.substring(0, 5));
            }
        }
        return out;
    }
}
