package app.frontdesk.application.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules that judge a sentence or a text by its shape ({@link GeneralTruths}, {@link FlatRefusals}), on sentences written for
 * this test: maxims worded as no phrase list has them are found, and the same general words in a sentence about this customer
 * pass; an outright no with nothing beside it is found, and the same no with a way forward passes.
 */
class SentenceShapesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private final WordingCheck check = new WordingCheck(WordingRules.load(Path.of("server-config")));

    private List<String> found(String rule, String text, Locale language) {
        return check.check(text, Optional.of(language), Purpose.GENERAL, Optional.empty()).findings().stream()
                .filter(f -> f.rule().equals(rule)).map(f -> f.excerpt()).toList();
    }

    @Test
    void aMaximIsFoundByItsShapeInEitherLanguage() {
        for (String maxim : List.of(
                "Посылка задерживается на день. Логистика — живой организм, и рано или поздно где-то случается затор.",
                "Сайт был недоступен час. Серверы, как и люди, иногда устают.",
                "Расписание изменилось. Планы всегда меняются, так устроен любой учебный процесс.")) {
            assertTrue(!found("philosophy", maxim, RU).isEmpty(), maxim);
        }
        for (String maxim : List.of(
                "Your parcel is a day late. Logistics is a living thing, and sooner or later every chain has a weak link.",
                "The site was down for an hour. Servers, like people, sometimes get tired.",
                "Prices went up. Nothing stands still in this business, and change is part of growing.")) {
            assertTrue(!found("philosophy", maxim, Locale.ENGLISH).isEmpty(), maxim);
        }
    }

    @Test
    void theSameGeneralWordsAboutThisCustomerPass() {
        for (String plain : List.of(
                "Мы всегда подтверждаем заказ по СМС; вам СМС не пришло, потому что номер в заказе был с опечаткой, её внесли мы.",
                "Каждый новый счёт теперь проверяет бухгалтер.",
                "Иногда письмо с кодом попадает в «Спам» — проверьте, пожалуйста, эту папку.",
                "Жизнь вашей подписки продлена до 1 марта.")) {
            assertEquals(List.of(), found("philosophy", plain, RU), plain);
        }
        for (String plain : List.of(
                "We always confirm orders by text; yours did not arrive because we mistyped your number.",
                "Every new invoice is now checked by a person.",
                "Sometimes the code lands in spam, so please check that folder.",
                "Nothing is owed on the account after 3 December.")) {
            assertEquals(List.of(), found("philosophy", plain, Locale.ENGLISH), plain);
        }
    }

    @Test
    void anOutrightNoWithNothingBesideItIsARefusal() {
        assertEquals(List.of("не представляется возможным"), found("refusal",
                "Здравствуйте. Восстановить удалённые файлы не представляется возможным.\n\nЕсли появятся другие вопросы, обращайтесь.", RU));
        assertEquals(List.of("can't"), found("refusal",
                "Hello. We can't restore deleted files.\n\nIf you have any other questions, let us know.", Locale.ENGLISH));
    }

    @Test
    void theSameNoWithAWayForwardIsNoRefusal() {
        assertEquals(List.of(), found("refusal",
                "Восстановить удалённые файлы нельзя: корзина хранит их 30 дней. Зато копия за 1 ноября есть в архиве — пришлю её сегодня.", RU));
        assertEquals(List.of(), found("refusal",
                "We can't restore deleted files after 30 days. Instead, I'll send you the 1 November backup today.", Locale.ENGLISH));
        assertEquals(List.of(), found("refusal",
                "Если ждать нельзя, напишите нам с адреса из договора или позвоните.", RU), "a conditional no refuses nothing");
    }

    @Test
    void theWordListsAreRulesATeamCanEdit(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("wording"));
        for (String lang : List.of("ru", "en")) {
            String rules = Files.readString(Path.of("server-config/wording/" + lang + ".rules"));
            Files.writeString(dir.resolve("wording/" + lang + ".rules"),
                    rules.lines().filter(l -> !l.startsWith("philosophy | general")).reduce("", (a, b) -> a + b + "\n"));
        }
        WordingCheck without = new WordingCheck(WordingRules.load(dir));
        String maxim = "Серверы, как и люди, иногда устают.";
        assertTrue(!found("philosophy", maxim, RU).isEmpty());
        assertEquals(List.of(), without.check(maxim, Optional.of(RU), Purpose.GENERAL, Optional.empty()).findings().stream()
                .filter(f -> f.rule().equals("philosophy")).toList(), "no general words, no maxim found by shape");
    }
}
