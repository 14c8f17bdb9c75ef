package app.frontdesk.application.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.frontdesk.application.cases.CaseTexts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped templates load; a template that lacks a required part, or breaks, is refused by name; a paragraph
 * several texts share is a partial, read in the including text's language and format.
 */
class TemplateLibraryTest {

    private static final Path SHIPPED = Path.of("server-config/templates");

    @Test
    void everyShippedTemplateLoadsInBothLanguages() {
        TemplateLibrary lib = TemplateLibrary.load(SHIPPED, CaseTexts::sample);
        for (Text t : Text.values()) {
            assertEquals(t.isMail() && t.hasHtml() ? 4 : 2, lib.loadedCounts().get(t), t.name());
        }
        Rendered ru = lib.render(Text.SENDER_REPLY, Locale.forLanguageTag("ru"), CaseTexts.sample(Text.SENDER_REPLY));
        assertTrue(ru.subject().startsWith("Мы получили ваше письмо (FD-100)"), ru.subject());
        assertTrue(ru.text().contains("Monday, 23 November 2026, 13:00 (MSK)"), "the deadline is shown");
        assertTrue(ru.html().contains("<b>FD-100</b>"));
        assertFalse(ru.text().contains("{{"), ru.text());
    }

    @Test
    void noStaffTemplateNamesTheProduct() throws IOException {
        // staff mails are from and signed with the company's name (issue 14, item 5): subjects read "FD-12: ...", not "[Frontdesk] FD-12"
        for (Text t : Text.FOR_STAFF) {
            for (Locale lang : TemplateLibrary.LANGUAGES) {
                for (String ext : t.hasHtml() ? new String[] {".txt", ".html"} : new String[] {".txt"}) {
                    Path file = SHIPPED.resolve(t.file() + "." + lang.getLanguage() + ext);
                    String source = Files.readString(file);
                    assertFalse(source.contains("[Frontdesk]"), file + " has a \"[Frontdesk]\" subject");
                    assertFalse(source.contains("Frontdesk"), file + " names the product");
                    assertFalse(source.contains("{{apiUrl}}"), file + " links to the API, which a browser cannot use");
                }
            }
        }
    }

    @Test
    void aFileInTheDirectoryOverridesTheBundledOne(@TempDir Path dir) throws IOException {
        String edited = Files.readString(SHIPPED.resolve("sender-reply.en.txt")).replace("thank you for writing to us", "thanks for your mail");
        Files.writeString(dir.resolve("sender-reply.en.txt"), edited);
        TemplateLibrary lib = TemplateLibrary.load(dir, CaseTexts::sample);
        assertTrue(lib.render(Text.SENDER_REPLY, Locale.ENGLISH, CaseTexts.sample(Text.SENDER_REPLY)).text().contains("thanks for your mail"));
        assertEquals("bundled sender-reply.ru.txt", lib.source(Text.SENDER_REPLY, Locale.forLanguageTag("ru"), false));
    }

    @Test
    void aTemplateWithoutTheDeadlineIsRefusedNamingFileAndPart(@TempDir Path dir) throws IOException {
        String noDeadline = Files.readString(SHIPPED.resolve("sender-reply.ru.txt"))
                .replaceAll("(?s)\\{\\{#deadline}}.*?\\{\\{/deadline}}", "");
        Files.writeString(dir.resolve("sender-reply.ru.txt"), noDeadline, StandardCharsets.UTF_8);
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> TemplateLibrary.load(dir, CaseTexts::sample));
        assertTrue(e.getMessage().contains(dir.resolve("sender-reply.ru.txt").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the required part \"deadline\" is missing"), e.getMessage());
    }

    @Test
    void anEmptyPartOrOneWithoutTheTimeOrPersonIsRefused(@TempDir Path dir) throws IOException {
        String html = Files.readString(SHIPPED.resolve("authorize-request.en.html"));
        Files.writeString(dir.resolve("authorize-request.en.html"), html.replaceAll("(?s)\\{\\{#nextStep}}.*?\\{\\{/nextStep}}", "{{#nextStep}}{{/nextStep}}"));
        String txt = Files.readString(SHIPPED.resolve("authorize-request.en.txt"));
        Files.writeString(dir.resolve("authorize-request.en.txt"), txt.replace("by {{when}}", "soon"));
        // the contact paragraph is a partial: an edit there is checked in every text that includes it
        String contact = Files.readString(SHIPPED.resolve("contact-questions.en.txt"));
        Files.writeString(dir.resolve("contact-questions.en.txt"), contact.replace("{{name}}, {{phone}}, {{email}}", "our team"));
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> TemplateLibrary.load(dir, CaseTexts::sample));
        assertTrue(e.getMessage().contains("authorize-request.en.html: the required part \"nextStep\" is empty"), e.getMessage());
        assertTrue(e.getMessage().contains("authorize-request.en.txt: the deadline part does not show the time"), e.getMessage());
        assertTrue(e.getMessage().contains("unverified-contact.en.txt: the contact part must show"), e.getMessage());
    }

    @Test
    void anUnknownVariableOrAMissingSubjectIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("manager-digest.en.txt"), "Subject: x\n\n{{#nextStep}}{{accountBalance}}{{/nextStep}}\n");
        Files.writeString(dir.resolve("manager-digest.ru.txt"), "no subject line\n");
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> TemplateLibrary.load(dir, CaseTexts::sample));
        assertTrue(e.getMessage().contains("manager-digest.en.txt: does not render"), e.getMessage());
        assertTrue(e.getMessage().contains("manager-digest.ru.txt: the first line must be \"Subject: ...\""), e.getMessage());
    }

    @Test
    void aSharedParagraphIsWrittenOnceAndReadInTheLanguageAndFormatOfTheText(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("contact-urgent.en.txt"), "Call {{name}} on {{phone}}.\n");
        TemplateLibrary lib = TemplateLibrary.load(dir, CaseTexts::sample);
        for (Text t : new Text[] {Text.SENDER_REPLY, Text.INSIDER_REPLY}) {
            Rendered en = lib.render(t, Locale.ENGLISH, CaseTexts.sample(t));
            assertTrue(en.text().contains("\nCall Sample Support Desk on +7 495 000-00-00.\n"), t + " takes the edited paragraph: " + en.text());
            assertFalse(en.html().contains("Call "), "the HTML has its own: " + en.html());
            assertFalse(lib.render(t, Locale.forLanguageTag("ru"), CaseTexts.sample(t)).text().contains("Call "), "and Russian its own");
        }
    }

    @Test
    @SuppressWarnings("unchecked") // the sample's contact is a map of strings
    void aPartialRendersExactlyAsItsTextWrittenInPlace(@TempDir Path dir) throws IOException {
        // every shipped text with its partials copied in: what the customer reads is the same to the byte
        java.util.regex.Pattern include = java.util.regex.Pattern.compile("\\{\\{> ([\\w-]+)}}\n");
        int including = 0;
        try (var files = Files.list(SHIPPED)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                String lang = name.replaceAll("^.*\\.(\\w+)\\.\\w+$", "$1");
                String ext = name.substring(name.lastIndexOf('.'));
                including += Files.readString(f).contains("{{> ") ? 1 : 0;
                Files.writeString(dir.resolve(name), include.matcher(Files.readString(f)).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        read(SHIPPED.resolve(m.group(1) + "." + lang + ext)))));
            }
        }
        TemplateLibrary withPartials = TemplateLibrary.load(SHIPPED, CaseTexts::sample);
        TemplateLibrary inPlace = TemplateLibrary.load(dir, CaseTexts::sample);
        for (Text t : Text.values()) {
            for (Locale lang : TemplateLibrary.LANGUAGES) {
                for (boolean manager : new boolean[] {true, false}) {
                    Map<String, Object> model = new HashMap<>(CaseTexts.sample(t));
                    Map<String, Object> contact = new HashMap<>((Map<String, Object>) model.get("contact"));
                    contact.put("manager", manager);
                    model.put("contact", contact);
                    assertEquals(inPlace.render(t, lang, model), withPartials.render(t, lang, model), t + " " + lang);
                }
            }
        }
        assertTrue(including >= 28, including + " files include a partial");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingPartialIsRefusedNamingItsFile(@TempDir Path dir) throws IOException {
        String txt = Files.readString(SHIPPED.resolve("sender-reply.en.txt")).replace("{{> contact-urgent}}", "{{> contact-urgnet}}");
        Files.writeString(dir.resolve("sender-reply.en.txt"), txt);
        InvalidTemplateException e = assertThrows(InvalidTemplateException.class, () -> TemplateLibrary.load(dir, CaseTexts::sample));
        assertTrue(e.getMessage().contains(dir.resolve("sender-reply.en.txt") + ": {{> contact-urgnet}}: contact-urgnet.en.txt"), e.getMessage());
    }

    @Test
    void languageDetectionPrefersTheHeaderThenTheLetters() {
        assertEquals(Optional.of(Locale.forLanguageTag("ru")), Languages.detect(Optional.empty(), "Добрый день, мы оплатили счёт"));
        assertEquals(Optional.of(Locale.ENGLISH), Languages.detect(Optional.empty(), "Hello, we paid the invoice"));
        assertEquals(Optional.of(Locale.ENGLISH), Languages.detect(Optional.of("en-GB"), "Добрый день"));
        assertEquals(Optional.empty(), Languages.detect(Optional.empty(), "12345 !!"));
        Map<String, Object> m = new HashMap<>(CaseTexts.sample(Text.SENDER_REPLY));
        assertEquals(TemplateLibrary.LANGUAGES.get(1), TemplateLibrary.language(Locale.GERMAN));
        assertFalse(m.isEmpty());
    }
}
