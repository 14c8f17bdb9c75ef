package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A display name greets its bearer only when it is plausibly a person's name (issue 14, item 1); otherwise the greeting is neutral. */
class PersonNameTest {

    @ParameterizedTest(name = "[{0}] greets as [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Алексей Волков|Алексей Волков",
            "  Алексей   Волков |Алексей Волков",
            "\"Алексей Волков\"|Алексей Волков",
            "«Алексей Волков»|Алексей Волков",
            "'Anna Petrova'|Anna Petrova",
            "Анна|Анна",
            "Салтыков-Щедрин Михаил|Салтыков-Щедрин Михаил",
            "Jean-Luc Picard|Jean-Luc Picard",
            "Conan O'Brien|Conan O'Brien",
            "Ronald McDonald|Ronald McDonald",
            "А. Волков|А. Волков",
            "Иван Иванович Петров|Иван Иванович Петров",
            "José Álvarez|José Álvarez"})
    void aPersonsNameIsKeptAsWritten(String display, String greeted) {
        assertEquals(Optional.of(greeted), PersonName.of(display));
    }

    @ParameterizedTest(name = "[{0}] greets nobody")
    @ValueSource(strings = {"", " ", "ivan@romashka.example", "ivan.petrov", "ООО РОМАШКА", "IVAN PETROV", "ООО Ромашка", "Romashka LLC",
            "Бухгалтерия", "Бухгалтерия Ромашка", "Support Team", "Служба поддержки", "Ivan 2024", "Иван Петров 2", "http://romashka.example",
            "www.romashka.example", "romashka.example", "Volkov, Alexey", "Алексей Волков (Ромашка)", "ivan petrov", "алексей",
            "Ivаn Petrov" /* a Cyrillic а */, "A. B.", "Dr. Volkov", "Анна Мария Петровна Иванова Смирнова",
            "Алексейалексейалексей Волковволковволковволков", "Иван\u202EПетров", "Иван_Петров", "Иван!"})
    void whatIsNoPersonsNameGreetsNobody(String display) {
        assertEquals(Optional.empty(), PersonName.of(display));
    }

    @org.junit.jupiter.api.Test
    void noNameGreetsNobody() {
        assertEquals(Optional.empty(), PersonName.of(null));
    }
}
