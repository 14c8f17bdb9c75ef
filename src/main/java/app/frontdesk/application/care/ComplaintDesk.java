package app.frontdesk.application.care;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A verified contact's message that complains is a bad experience of the account: a repeat contact
 * when the account wrote about the same subject before within the window, else a complaint. The
 * rule of three (see {@link CareDesk}) takes it from there, in the decision's transaction.
 */
public final class ComplaintDesk {

    private final ComplaintWords words;
    private final CareDesk care;
    private final Duration window;

    public ComplaintDesk(ComplaintWords words, CareDesk care, Duration window) {
        this.words = words;
        this.care = care;
        this.window = window;
    }

    /** @return what was recorded, in words for the manager; empty when the message does not complain */
    public Optional<String> record(Repositories repos, long account, InboundMessage message, ParsedMail parsed, Instant now) {
        Optional<String> complaint = words.find(parsed.subject() + "\n" + parsed.text());
        if (complaint.isEmpty()) {
            return Optional.empty();
        }
        String topic = topic(parsed.subject());
        boolean repeat = !topic.isEmpty() && repos.inbound().ofAccountSince(account, now.minus(window), 50).stream()
                .filter(m -> !m.id().equals(message.id()))
                .map(InboundMessage::subject).anyMatch(s -> s != null && topic(s).equals(topic));
        care.record(repos, account, repeat ? ExperienceKind.REPEAT_CONTACT : ExperienceKind.COMPLAINT,
                "\"" + parsed.subject() + "\" (" + complaint.get() + ")", message.id());
        return Optional.of((repeat ? "repeat contact" : "complaint") + " recorded for account " + account);
    }

    /** The subject without reply and forward prefixes, in lower case: what the thread is about. */
    static String topic(String subject) {
        return subject.replaceAll("(?iu)^\\s*((re|fwd?|aw|wg|ответ|отв|пересл)\\s*(\\[\\d+\\])?\\s*:\\s*)+", "").strip().toLowerCase(Locale.ROOT);
    }
}
