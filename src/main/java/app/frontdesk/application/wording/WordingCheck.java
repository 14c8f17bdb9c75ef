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
 * Checks a text a customer will read against the wording rules of its language. Phrases that blame
 * or philosophise are found where they stand; what a text must have (a next step, a deadline, a
 * person; in recovery texts an apology, a question, something beyond the fix) is found missing as a
 * whole. With the customer's own message, a question of theirs the text does not touch is reported.
 */
public final class WordingCheck {

    private static final Pattern REASON = Pattern.compile("(?iu)(потому\\s+что|так\\s+как|поскольку|поэтому|чтобы|because|since|so\\s+that|so\\s+we)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}]{5,}");
    private static final Set<String> STOP = Set.of("почему", "когда", "какой", "какая", "какие", "можно", "могу", "можете", "будет", "этого",
            "which", "where", "there", "about", "would", "could", "should", "their", "these", "those", "what", "скажите", "пожалуйста",
            "please");
    private static final int REASON_WINDOW = 250;

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
        boolean apology = has(all, WordingRules.Kind.APOLOGY, text);
        boolean nextStep = has(all, WordingRules.Kind.NEXT_STEP, text); // once, not again for every refusal found
        for (WordingRules.Rule r : all) {
            if (r.kind() != WordingRules.Kind.PHRASE && !(r.kind() == WordingRules.Kind.ERRED_PHRASE && purpose == Purpose.RECOVERY)
                    && r.kind() != WordingRules.Kind.REFUSAL) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                String found = text.substring(m.start(), m.end());
                String message = switch (r.kind()) {
                    case ERRED_PHRASE -> ru ? "Мы ошиблись, а текст называет это долгом клиента." : "We erred, yet the text calls it the customer's debt.";
                    case REFUSAL -> ru ? "Отказ со ссылкой на «" + found + "» без объяснения или без того, что клиент может сделать."
                            : "A refusal citing \"" + found + "\" without saying why or what to do instead.";
                    default -> r.id().equals("philosophy") && !apology
                            ? (ru ? "Философское вступление вместо извинения." : "Philosophising instead of apologising.")
                            : (ru ? "Текст оправдывается или упрекает клиента." : "The text blames the customer or excuses us.");
                };
                if (r.kind() == WordingRules.Kind.REFUSAL && nextStep && reasonNear(text, m)) {
                    continue;
                }
                findings.add(new Finding(r.id(), m.start(), m.end(), found, message, r.suggestion()));
            }
        }
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
            missing(findings, all, text, WordingRules.Kind.APOLOGY, "apology",
                    ru ? "Нет извинения: мы ошиблись." : "No apology, though we erred.",
                    ru ? "Начните с «Простите нас: мы ошиблись»." : "Start with \"We are sorry: we got this wrong\".");
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

    /** A refusal is fine when a reason stands near it (and the text gives a next step, checked by the caller). */
    private static boolean reasonNear(String text, Matcher m) {
        return REASON.matcher(text).region(Math.max(0, m.start() - REASON_WINDOW), Math.min(text.length(), m.end() + REASON_WINDOW)).find();
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
