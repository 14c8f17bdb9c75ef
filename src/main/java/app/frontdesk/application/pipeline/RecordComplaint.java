package app.frontdesk.application.pipeline;

import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.care.ComplaintWords;
import app.frontdesk.domain.model.care.ExperienceKind;
import app.frontdesk.domain.model.inbound.InboundMessage;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A verified contact's message that complains is a bad experience of the account: a repeat contact
 * when the account wrote about the same subject before within the window, else a complaint. The
 * rule of three (see CareDesk) takes it from there, in the decision's transaction.
 */
public final class RecordComplaint implements Mailet {

    private final ComplaintWords words;
    private final CareDesk care;
    private final Duration window;

    public RecordComplaint(ComplaintWords words, CareDesk care, Duration window) {
        this.words = words;
        this.care = care;
        this.window = window;
    }

    @Override
    public void service(MailContext mail, String because) {
        Optional<String> complaint = words.find(mail.parsed().subject() + "\n" + mail.parsed().text());
        if (complaint.isEmpty()) {
            return;
        }
        long account = mail.contactAccounts().get(0);
        String topic = topic(mail.parsed().subject());
        boolean repeat = !topic.isEmpty() && mail.repositories().inbound().ofAccountSince(account, mail.now().minus(window), 50).stream()
                .filter(m -> !m.id().equals(mail.message().id()))
                .map(InboundMessage::subject).anyMatch(s -> s != null && topic(s).equals(topic));
        care.record(mail.repositories(), account, repeat ? ExperienceKind.REPEAT_CONTACT : ExperienceKind.COMPLAINT,
                "\"" + mail.parsed().subject() + "\" (" + complaint.get() + ")", mail.message().id());
        mail.sent((repeat ? "repeat contact" : "complaint") + " recorded for account " + account);
    }

    /** The subject without reply and forward prefixes, in lower case: what the thread is about. */
    static String topic(String subject) {
        return subject.replaceAll("(?iu)^\\s*((re|fwd?|aw|wg|ответ|отв|пересл)\\s*(\\[\\d+\\])?\\s*:\\s*)+", "").strip().toLowerCase(Locale.ROOT);
    }
}
