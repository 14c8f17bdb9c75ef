package app.frontdesk.application.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.texts.InvalidTemplateException;
import app.frontdesk.application.texts.TemplateLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wording rules on a support reply that made things worse, on a good recovery reply, and on every shipped template. */
class WordingCheckTest {

    private static final Path CONFIG = Path.of("server-config");
    private static final Locale RU = Locale.forLanguageTag("ru");
    private final WordingCheck check = new WordingCheck(WordingRules.load(CONFIG));

    /** The customer: charged twice, asks when the money comes back. */
    private static final String CUSTOMER = """
            Здравствуйте! Вы дважды списали с нашего счёта оплату за ноябрь, 4 900 рублей.
            Когда вы вернёте деньги за второе списание? Нам это важно до конца месяца.
            Иван Петров, ООО «Ромашка»""";

    /** The reply that turned a fixed problem into a lost customer (written for this test, with the phrases of the story). */
    private static final String BAD_REPLY = """
            Добрый день!
            Все мы совершаем ошибки. Согласно условиям договора, списание производится автоматически.
            Мы аннулировали ваш долг за ноябрь, вопрос закрыт.
            С уважением, служба поддержки""";

    /** A recovery reply as it should be: plain words, apology, thanks, what changes, a bonus, a question, a person. */
    private static final String GOOD_REPLY = """
            Здравствуйте, Иван!
            Простите нас: мы ошиблись и списали оплату за ноябрь дважды. Мы вернули ваши деньги за второе списание:
            4 900 рублей придут на ваш счёт не позднее 25 ноября.
            Спасибо, что сразу написали нам. Чтобы это не повторилось, мы исправили проверку повторных списаний.
            В знак извинения мы начислили вам бонус: декабрь обслуживания бесплатно.
            Что ещё мы можем сделать для вас? Если остались вопросы, позвоните мне: +7 495 123-45-67.
            Ольга Смирнова, ваш персональный менеджер""";

    private List<String> rules(String text, Purpose purpose, String customer) {
        return check.check(text, Optional.empty(), purpose, Optional.ofNullable(customer)).findings().stream().map(Finding::rule).toList();
    }

    @Test
    void theReplyThatMadeThingsWorseIsCaughtOnEveryCount() {
        WordingCheck.Result r = check.check(BAD_REPLY, Optional.empty(), Purpose.RECOVERY, Optional.of(CUSTOMER));
        assertEquals(RU, r.language());
        List<String> found = r.findings().stream().map(Finding::rule).toList();
        for (String expected : List.of("philosophy", "blame", "debt", "unanswered-question", "apology", "question", "compensation",
                "next-step", "deadline", "contact")) {
            assertTrue(found.contains(expected), expected + " in " + found);
        }
        Finding opener = r.findings().stream().filter(f -> f.rule().equals("philosophy")).findFirst().orElseThrow();
        assertEquals("Все мы совершаем ошибки", opener.excerpt());
        assertEquals(BAD_REPLY.indexOf("Все мы"), opener.start(), "the position in the text");
        assertTrue(opener.message().contains("вместо извинения"), opener.message());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("debt") && f.excerpt().equals("ваш долг")));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("unanswered-question") && f.excerpt().startsWith("Когда вы вернёте деньги")));
        assertTrue(r.findings().stream().allMatch(f -> !f.suggestion().isEmpty()), "every finding says what to write instead");
    }

    @Test
    void aGoodRecoveryReplyHasNoFindings() {
        assertEquals(List.of(), check.check(GOOD_REPLY, Optional.empty(), Purpose.RECOVERY, Optional.of(CUSTOMER)).findings());
    }

    @Test
    void aRefusalCitingSecurityNeedsAReasonAndAnAlternative() {
        String bare = "Hello. For security reasons we cannot reply to unknown addresses. Regards, support";
        assertTrue(rules(bare, Purpose.GENERAL, null).contains("refusal"));
        String explained = "Hello. For security reasons we cannot discuss the account from this address, because anyone can write in"
                + " anyone's name. You can write from your registered address, or call us: +7 495 123-45-67. We will answer by 25 November.";
        assertEquals(List.of(), rules(explained, Purpose.GENERAL, null));
    }

    @Test
    void excusesInEnglishHaveTheirOwnRules() {
        List<String> found = rules("We are sorry you feel that way. As per our policy the fee stands.", Purpose.GENERAL, null);
        assertTrue(found.contains("non-apology"), "sorry for the customer's feelings: " + found);
        assertTrue(found.contains("terms"), "hiding behind the policy: " + found);
        assertTrue(rules("We cannot waive the fee: it is our policy.", Purpose.GENERAL, null).contains("refusal"));
    }

    @Test
    void aRefusalLeaningOnAnUnexplainedTermIsNotExcusedByBecauseAndPlease() {
        String bare = "Добрый день! Мы не можем выполнить вашу просьбу, потому что письмо пришло не с авторизованной почты."
                + " Пожалуйста, напишите с авторизованной почты. Ответим до 25 ноября. Служба поддержки, +7 495 123-45-67";
        assertTrue(rules(bare, Purpose.GENERAL, null).contains("refusal"));
        String explained = bare.replace(" Пожалуйста,", " Авторизованная почта — это адрес, который ваша компания указала в договоре. Пожалуйста,");
        assertEquals(List.of(), rules(explained, Purpose.GENERAL, null));
    }

    @Test
    void aWordLikeSecurityIsNoRefusalWhereNothingIsRefused() {
        String menu = "Смените пароль в разделе «Профиль» → «Безопасность» до 25 ноября. Вопросы: Служба безопасности, +7 495 123-45-67.";
        assertEquals(List.of(), rules(menu, Purpose.GENERAL, null));
    }

    @Test
    void aSorryInsideANonApologyIsNoApology() {
        String text = "We are sorry you feel let down. Your refund of $20 arrives by 25 November, and December is free. What else can we do? Call Olga: +44 20 7946 0321.";
        List<String> found = rules(text, Purpose.RECOVERY, null);
        assertTrue(found.contains("non-apology") && found.contains("apology"), found.toString());
        assertEquals(List.of(), rules(text.replace("We are sorry you feel let down.", "We are sorry: we charged you twice."), Purpose.RECOVERY, null));
    }

    @Test
    void theIssuesReportedCasesHold() {
        // an indirect question is a question; "просим прощения" is an apology (the red-flag paragraph)
        String ru = "Просим прощения: мы дважды списали оплату. Деньги вернём до 25 ноября, а декабрь для вас бесплатный."
                + " Скажите, пожалуйста, можем ли мы сделать что-то ещё? Ольга, +7 495 123-45-67";
        assertEquals(List.of(), rules(ru, Purpose.RECOVERY, null));
    }

    @Test
    void debtIsOnlyWrongWhereWeErred() {
        String reminder = "Напоминаем: ваш долг по счёту INV-1 — 1 500 рублей. Оплатите, пожалуйста, до 25 ноября. Вопросы: +7 495 123-45-67.";
        assertTrue(!rules(reminder, Purpose.GENERAL, null).contains("debt"), "in an ordinary reminder it is a fact");
        assertTrue(rules(reminder, Purpose.RECOVERY, null).contains("debt"));
    }

    @Test
    void everyShippedTemplatePassesTheWordingRules() {
        TemplateWording.check(TemplateLibrary.load(CONFIG.resolve("templates"), CaseTexts::sample), check, CaseTexts::sample);
    }

    @Test
    void aTemplateThatFailsIsRefusedWithTheFinding(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(CONFIG.resolve("templates/sender-reply.en.txt"));
        Files.writeString(dir.resolve("sender-reply.en.txt"), shipped.replace("thank you for writing to us.",
                "thank you for writing to us. We all make mistakes."));
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class,
                () -> TemplateWording.check(TemplateLibrary.load(dir, CaseTexts::sample), check, CaseTexts::sample));
        assertTrue(e.getMessage().contains(dir.resolve("sender-reply.en.txt") + ": philosophy \"We all make mistakes\""), e.getMessage());
    }

    @Test
    void aBrokenRuleFileIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("wording"));
        Files.writeString(dir.resolve("wording/ru.rules"), "# ok\nblame | phrase | (unclosed | x\nx | nonsense | a | b\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WordingRules.load(dir));
        assertTrue(e.getMessage().contains("ru.rules line 2: pattern"), e.getMessage());
        assertTrue(e.getMessage().contains("ru.rules line 3: kind must be one of"), e.getMessage());
    }

    /** The rules a sentence can trip by itself, whatever else the text lacks (a next step, a deadline, a person). */
    private static final java.util.Set<String> PHRASES = java.util.Set.of("blame", "philosophy", "terms", "non-apology", "understanding", "favour");

    /**
     * The constructions the rules model, one sentence each, written outside the labelled drafts: fault placed on the customer
     * (modal of obligation in the past, "вы не удосужились", "по вашей вине", "you failed to", "had you read", "it is your
     * responsibility"), generic maxims, a clause cited against the customer; and what must pass: the same words negated ("не
     * ваша вина", "you didn't do anything wrong"), in the first person ("нам следовало", "we should have"), what the customer
     * was owed ("you should have received"), a clause cited for the customer, ordinary sympathy ("sorry for the hassle").
     */
    @Test
    void theConstructionsAreFoundAndTheirNegationsPass() {
        List<String> badRu = List.of(
            "Вам следовало сразу сообщить нам о проблеме.",
            "Вам стоило проверить адрес перед отправкой.",
            "Вам нужно было заранее продлить подписку.",
            "Вам надо было сохранить чек.",
            "Вы должны были внести платёж до 5 числа.",
            "Вы не удосужились прочитать условия акции.",
            "Вы не потрудились проверить реквизиты.",
            "Вы не прочитали инструкцию.",
            "Вы не обратили внимание на предупреждение.",
            "Заказ задержался по вашей вине.",
            "Это произошло по вашей ошибке.",
            "Платёж ушёл не туда по вашей невнимательности.",
            "Из-за вас курьер прождал час.",
            "Это ваша ошибка, а не наша.",
            "Ваша невнимательность привела к списанию.",
            "Такова жизнь.",
            "Все мы люди.",
            "Ничто не идеально, и наш сервис тоже.",
            "Ничто не совершенно.",
            "Никто не застрахован от сбоев.",
            "Так бывает.",
            "Всякое случается.",
            "Сохранность пароля является вашей ответственностью.",
            "Проверка данных — ваша обязанность.",
            "Согласно п. 7.4 договора возврат невозможен, поэтому мы не можем вернуть деньги.");
        List<String> goodRu = List.of(
            "Вы не сделали ничего плохого: это не ваша вина, ошиблись мы.",
            "Это не ваша ошибка — мы перепутали адрес.",
            "Нам следовало предупредить вас заранее.",
            "Мы должны были проверить заказ до отправки.",
            "Вам стоит подождать до завтра: деньги придут к 18:00.",
            "Вам не стоило беспокоиться, мы всё исправили.",
            "Это случилось не из-за вас, а из-за сбоя на нашей стороне.",
            "Вам нужно только подписать акт, остальное сделаем мы.",
            "Ваша задача — только прислать фото, остальное сделаем мы.",
            "Сотрудник, который вам ответил, ошибся; мы уже с ним поговорили.",
            "Мы надеемся, что в будущем вы снова выберете нас.",
            "По п. 7.4 договора вам положен возврат; я оформил его сегодня.");
        List<String> badEn = List.of(
            "You should have checked the address before ordering.",
            "You could have avoided this by reading the guide.",
            "You ought to have told us sooner.",
            "You failed to renew the plan on time.",
            "You neglected to update your card.",
            "Had you read the email, you would have known.",
            "If you had only checked the settings, this would not happen.",
            "This was your mistake, not ours.",
            "It was your error that caused the delay.",
            "This is due to an oversight on your side.",
            "It is your responsibility to keep the password safe.",
            "The error was on your end.",
            "That's life.",
            "Nobody is perfect.",
            "No system is perfect.",
            "No software is flawless.",
            "Things happen.",
            "Mistakes happen.",
            "It happens to the best of us.",
            "Technology isn't perfect.",
            "Such is the nature of online shopping.",
            "We're sorry to hear you feel that way.",
            "Per clause 4 of our terms, refunds are not possible.");
        List<String> goodEn = List.of(
            "You didn't do anything wrong: we sent the wrong parcel.",
            "It's not your fault; our system double-charged you.",
            "We should have checked the order before it left.",
            "You should have received a confirmation email yesterday; I've resent it now.",
            "It's not your responsibility to chase us: I will call you on Monday.",
            "I'm sorry to hear about your father's illness; I've paused the plan for two months.",
            "Sorry for the hassle: our courier went to the wrong address.",
            "Under clause 9.1 you're entitled to a full refund, and I've sent it today.",
            "You should have been told about the fee at checkout, and we've waived it.",
            "You did nothing wrong, and you don't need to do anything.");
        for (var c : List.of(java.util.Map.entry(RU, badRu), java.util.Map.entry(Locale.ENGLISH, badEn))) {
            for (String sentence : c.getValue()) {
                assertTrue(!phrases(sentence, c.getKey()).isEmpty(), "not found: " + sentence);
            }
        }
        for (var c : List.of(java.util.Map.entry(RU, goodRu), java.util.Map.entry(Locale.ENGLISH, goodEn))) {
            for (String sentence : c.getValue()) {
                assertEquals(List.of(), phrases(sentence, c.getKey()), sentence);
            }
        }
    }

    private List<String> phrases(String sentence, Locale language) {
        return check.check(sentence, Optional.of(language), Purpose.GENERAL, Optional.empty()).findings().stream()
                .filter(f -> PHRASES.contains(f.rule())).map(f -> f.rule() + " \"" + f.excerpt() + "\"").toList();
    }
}
