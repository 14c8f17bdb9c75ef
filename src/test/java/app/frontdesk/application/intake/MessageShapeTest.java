package app.frontdesk.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is refused at the door (415) and what is kept however broken (issue 13, item 5). */
class MessageShapeTest {

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', value = {
            "application/json|{\"from\": \"anna@x\"}",
            "message/rfc822|  {\"from\": \"anna@x\"}",
            "|[1, 2, 3]",
            "text/plain|<html><body>Hello</body></html>",
            "application/x-www-form-urlencoded|from=anna%40x&subject=hi",
            "text/html; charset=utf-8|Hello",
            "application/problem+json|oops"})
    void recognisablyNotMailIsRefused(String type, String body) {
        assertTrue(MessageShape.refusal(type, body.getBytes(StandardCharsets.UTF_8)).isPresent(), body);
    }

    @ParameterizedTest(name = "{0} | {1}")
    @CsvSource(delimiter = '|', value = {
            "message/rfc822|From: anna@x\\nSubject: hi\\n\\nHello",
            "|Received: from mx\\nFrom: anna@x\\n\\n",
            "application/octet-stream|From anna@x Sat Nov 28 10:00:00 2026",
            "message/rfc822|garbage without any header",
            "text/plain|Subject: only a subject",
            "message/rfc822|"})
    void anythingThatMayBeMailIsKept(String type, String body) {
        String text = body == null ? "" : body.replace("\\n", "\r\n"); // line ends written as \n above
        assertEquals(Optional.empty(), MessageShape.refusal(type, text.getBytes(StandardCharsets.UTF_8)));
    }
}
