package app.frontdesk.application.accounts;

import app.frontdesk.application.ImportProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvAccountImportTest {

    private static final String HEADER = "account,domains,contact_address,contact_name,contact_locale,manager_name,manager_address\n";

    @Test
    void shouldMergeLinesOfOneAccountAndReadQuotedFields() throws Exception {
        Map<Integer, AccountDraft> drafts = CsvAccountImport.parse(HEADER
                + "\"Romashka, LLC\",romashka.example;romashka.ru,anna@romashka.example,\"Petrova, Anna\",ru,Olga,olga@f.example\n"
                + "\"Romashka, LLC\",,boris@romashka.example,Boris,ru,,\n"
                + "Northwind,northwind.example,john@northwind.example,John,en,,\n");
        assertEquals(List.of(2, 4), List.copyOf(drafts.keySet()));
        AccountDraft romashka = drafts.get(2);
        assertEquals("Romashka, LLC", romashka.name());
        assertEquals(List.of("romashka.example", "romashka.ru"), romashka.domains());
        assertEquals(2, romashka.contacts().size());
        assertEquals("Petrova, Anna", romashka.contacts().get(0).name());
        assertEquals("olga@f.example", romashka.manager().address());
    }

    @Test
    void shouldReportEveryBadLineWithItsNumber() {
        InvalidAccountException e = assertThrows(InvalidAccountException.class, () -> CsvAccountImport.parse(HEADER
                + "Good,good.example,a@good.example,A,en,,\n"
                + "Bad,bad.example,not-an-address,B,en,,\n"
                + "Short,short.example\n"
                + ",x.example,c@x.example,C,en,,\n"));
        assertEquals(List.of(3, 4, 5), e.problems().stream().map(ImportProblem::line).toList());
        assertEquals("contact address is not a mail address: \"not-an-address\"", e.problems().get(0).problem());
        assertEquals("expected 7 fields, found 2", e.problems().get(1).problem());
    }

    @Test
    void shouldRefuseAFileWithoutTheHeaderLine() {
        InvalidAccountException e = assertThrows(InvalidAccountException.class,
                () -> CsvAccountImport.parse("Romashka,romashka.example,a@romashka.example,A,ru,,\n"));
        assertEquals(1, e.problems().get(0).line());
    }

    @Test
    void shouldReportAnUnclosedQuote() {
        InvalidAccountException e = assertThrows(InvalidAccountException.class,
                () -> CsvAccountImport.parse(HEADER + "\"Romashka,romashka.example,a@romashka.example,A,ru,,\n"));
        assertEquals("a quoted field is not closed", e.problems().get(0).problem());
        assertEquals(2, e.problems().get(0).line());
    }
}
