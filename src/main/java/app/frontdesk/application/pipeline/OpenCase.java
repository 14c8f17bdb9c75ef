package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.CaseSettings;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.texts.Languages;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.Locale;
import java.util.Optional;

/**
 * Every stranger's message belongs to a case: a new one, or the sender's case that is still open,
 * so that five messages from one person are one situation for the people who handle it.
 */
public final class OpenCase implements Mailet {

    private final CaseSettings settings;
    private final app.frontdesk.application.care.CareDesk care;

    public OpenCase(CaseSettings settings, app.frontdesk.application.care.CareDesk care) {
        this.settings = settings;
        this.care = care;
    }

    @Override
    public void service(MailContext mail, String because) {
        String sender = mail.sender().orElseThrow().value();
        var message = mail.message();
        Optional<Candidate> clear = mail.candidates().clear();
        Optional<SupportCase> open = mail.repositories().cases().openCaseOf(sender);
        if (open.isPresent()) {
            SupportCase c = open.get();
            message.joinCase(c.id());
            c.record(mail.now(), "pipeline", "message-joined", "message " + message.id() + " \"" + mail.parsed().subject() + "\"; "
                    + mail.verification().evidence() + "; " + mail.candidates().describe());
            if (c.accountId().isEmpty() && clear.isPresent()) {
                c.assignAccount(clear.get().accountId(), "pipeline", mail.now());
            }
            mail.supportCase(c, false);
            return;
        }
        CaseKind kind = mail.contactAccounts().isEmpty() ? CaseKind.UNKNOWN_SENDER : CaseKind.UNVERIFIED_CONTACT;
        Locale lang = Languages.detect(mail.parsed().header("Content-Language"), mail.parsed().subject() + "\n" + mail.parsed().text())
                .orElse(settings.defaultLocale());
        String displayName = mail.parsed().from().get(0).displayName();
        SupportCase c = new SupportCase(kind, sender, displayName, clear.map(Candidate::accountId).orElse(null),
                clear.map(Candidate::percent).orElse(mail.candidates().ranked().isEmpty() ? 0 : mail.candidates().ranked().get(0).percent()),
                mail.candidates().describe(), lang, mail.now(),
                settings.calendar().plusBusinessTime(mail.now(), settings.answerWithin()), mail.now().plus(settings.linkTtl()));
        mail.repositories().cases().add(c);
        c.record(mail.now(), "pipeline", "opened", "message " + message.id() + " \"" + mail.parsed().subject() + "\" from " + sender
                + "; " + mail.verification().evidence() + "; " + mail.candidates().describe());
        message.joinCase(c.id());
        mail.supportCase(c, true);
        // Someone of theirs had to write from an address we did not know: a bad experience of the account. When the
        // same sender's earlier case on the account was closed, the matter came back: the case is reopened in effect.
        Optional<SupportCase> earlier = mail.repositories().cases().lastClosedCaseOf(sender)
                .filter(e -> e.accountId().isPresent() && e.accountId().equals(c.accountId()) && !e.id().equals(c.id()));
        c.accountId().ifPresent(account -> care.record(mail.repositories(), account, earlier.isPresent()
                        ? app.frontdesk.domain.model.care.ExperienceKind.CASE_REOPENED
                        : app.frontdesk.domain.model.care.ExperienceKind.UNKNOWN_SENDER_CASE,
                "case " + c.reference() + ": " + sender + earlier.map(e -> " (after " + e.reference() + ", " + e.state() + ")").orElse(""),
                message.id()));
    }
}
