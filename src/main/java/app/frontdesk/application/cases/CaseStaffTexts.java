package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.dunning.DunningBrief;
import app.frontdesk.application.dunning.ReasonWords;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.texts.Question;
import app.frontdesk.application.texts.StaffReader;
import app.frontdesk.application.texts.Text;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.application.verification.VerificationWords;
import app.frontdesk.domain.model.billing.NoticeState;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every mail about a case that goes to staff: the manager's alert and digest, and the hand-over to a colleague.
 * Apart from {@link CaseTexts}, whose mails go to customers: these are written in the reader's language and time
 * zone ({@link StaffReader}), signed by nobody, and may name the account and what we know of it.
 */
public final class CaseStaffTexts {

    private final StaffMails staff;
    /** The gate's reasons in the reader's words (server-config/templates/gate-reasons.*). */
    private final ReasonWords reasons;

    public CaseStaffTexts(StaffMails staff, ReasonWords reasons) {
        this.staff = staff;
        this.reasons = reasons;
    }

    /**
     * What a manager needs to act: the original attached, candidates, what was sent, deadline, links, and
     * what we know of the account (its payment orders on file and held notices) beside the sender's question.
     *
     * @param verification what our mail server's checks said; null when the alert is about a rejection
     * @param rejection    who rejected the case as suspicious, and their note; null otherwise
     * @param brief        the account's dunning as staff may read it; null without an account
     * @param question     what the sender asks (see {@link Question}); empty when nothing
     */
    public record AlertFacts(String managerName, String accountName, List<Candidate> candidates, Map<Long, String> accountNames,
                             String subject, String excerpt, Verification verification, Rejection rejection, List<String> sent,
                             String authorizeUrl, String rejectUrl, boolean suspicious, DunningBrief brief, String question,
                             List<Map<String, Object>> promised) {

        /** Without the promises (the alert after a rejection). */
        public AlertFacts(String managerName, String accountName, List<Candidate> candidates, Map<Long, String> accountNames,
                          String subject, String excerpt, Verification verification, Rejection rejection, List<String> sent,
                          String authorizeUrl, String rejectUrl, boolean suspicious, DunningBrief brief, String question) {
            this(managerName, accountName, candidates, accountNames, subject, excerpt, verification, rejection, sent, authorizeUrl, rejectUrl,
                    suspicious, brief, question, List.of());
        }
    }

    /** A case rejected as suspicious: by whom, with what note. */
    public record Rejection(String by, String note) {
    }

    public OutboundMail managerAlert(SupportCase c, InboundMessage message, String to, StaffReader reader, AlertFacts f, Instant now) {
        Locale lang = reader.language();
        Map<String, Object> model = staffModel(c, reader);
        model.put("managerName", f.managerName() == null ? "" : f.managerName());
        model.put("hasAccount", f.accountName() != null);
        model.put("accountName", f.accountName() == null ? "" : f.accountName());
        model.put("triage", f.accountName() == null);
        model.put("sender", CaseTexts.sender(c));
        model.put("subject", f.subject());
        model.put("excerpt", f.excerpt());
        model.put("checkWords", f.verification() == null ? "" : VerificationWords.of(f.verification(), lang));
        model.put("verification", f.verification() == null ? "" : f.verification().evidence());
        model.put("rejection", f.rejection() == null ? false : Map.of("by", f.rejection().by(), "note", f.rejection().note()));
        model.put("candidates", f.candidates().stream().limit(5).map(k -> Map.of(
                "account", f.accountNames().getOrDefault(k.accountId(), "#" + k.accountId()),
                "url", staff.accountUrl(k.accountId()),
                "confidence", k.percent(),
                "evidence", String.join(", ", k.evidence().stream().map(e -> CaseTexts.describe(e, lang)).toList()))).toList());
        model.put("noCandidates", f.candidates().isEmpty());
        model.put("sent", f.sent().stream().map(x -> SentWords.of(x, lang)).toList());
        model.put("nothingSent", f.sent().isEmpty());
        model.put("links", f.authorizeUrl() != null);
        model.put("authorizeUrl", f.authorizeUrl() == null ? "" : f.authorizeUrl());
        model.put("rejectUrl", f.rejectUrl() == null ? "" : f.rejectUrl());
        model.put("suspicious", f.suspicious());
        model.put("brief", f.brief() == null ? false : brief(f.brief(), reader));
        model.put("question", f.question() == null ? "" : f.question());
        model.put("knows", f.brief() != null || f.question() != null && !f.question().isEmpty());
        // what we promised on this case and account, by when, in the reader's language and zone
        model.put("promised", f.promised() == null || f.promised().isEmpty() ? false : Map.of("tasks", f.promised()));
        var mail = staff.write(Text.MANAGER_ALERT, reader, model, List.of(to), "auto-generated", message.id(), now);
        return new OutboundMail(MailKind.MANAGER_ALERT, mail.messageId(), staff.from(), List.of(to), mail.around(), message.id(), now)
                .about(c.accountId().orElse(null), c.id());
    }

    /** One short paragraph of what we know: the payment orders on file, the notices held or blocked, and why. */
    private Map<String, Object> brief(DunningBrief b, StaffReader reader) {
        Map<String, Object> m = new HashMap<>();
        m.put("orders", b.orders().stream().map(o -> {
            Map<String, Object> x = new HashMap<>();
            x.put("number", o.number() == null ? "" : o.number());
            x.put("date", reader.date(o.orderDate()));
            x.put("amount", o.amount().map(a -> reader.money(a.amount(), a.currency())).orElse(""));
            x.put("received", reader.on(o.receivedAt()));
            return x;
        }).toList());
        m.put("notices", b.notices().stream().map(n -> {
            Map<String, Object> x = new HashMap<>();
            String kind = reasons.kind(n.notice().kind(), reader);
            x.put("what", Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
            x.put("id", n.notice().id());
            x.put("state", state(n.notice().state(), reader));
            x.put("until", n.notice().state() == NoticeState.HELD ? n.notice().holdUntil().map(reader::until).orElse("") : "");
            x.put("why", String.join("; ", n.codes().stream().map(code -> reasons.headline(code, reader)).toList()));
            x.put("url", staff.noticeUrl(n.notice().id()));
            return x;
        }).toList());
        m.put("nothingOnFile", b.isEmpty());
        return m;
    }

    private static String state(NoticeState s, StaffReader reader) {
        boolean ru = reader.ru();
        return switch (s) {
            case HELD -> ru ? "задержано" : "is held";
            case BLOCKED -> ru ? "остановлено и клиенту не уйдёт" : "is blocked and will not go out";
            case SCHEDULED -> ru ? "запланировано" : "is scheduled";
            case QUEUED -> ru ? "уходит клиенту" : "is going out";
            case SENT -> ru ? "отправлено" : "was sent";
        };
    }

    public OutboundMail managerDigest(SupportCase c, String to, StaffReader reader, String managerName, List<InboundMessage> held, Instant now) {
        Map<String, Object> model = staffModel(c, reader);
        model.put("managerName", managerName == null ? "" : managerName);
        model.put("sender", CaseTexts.sender(c));
        model.put("count", held.size());
        model.put("messages", held.stream().map(m -> Map.of("received", reader.moment(m.receivedAt()),
                "subject", m.subject() == null ? "" : m.subject(), "id", m.id())).toList());
        var mail = staff.write(Text.MANAGER_DIGEST, reader, model, List.of(to), "auto-generated", null, now);
        return new OutboundMail(MailKind.MANAGER_DIGEST, mail.messageId(), staff.from(), List.of(to), mail.raw(), null, now)
                .about(c.accountId().orElse(null), c.id());
    }

    /** To a colleague a lead handed a case to: what it is, who handed it over and why, by when, the case's page. */
    public OutboundMail handedOver(SupportCase c, String to, String colleagueName, Locale colleagueLanguage, String byName, String note,
                                   String accountName, Instant now) {
        StaffReader reader = colleagueLanguage == null ? staff.standard() : new StaffReader(colleagueLanguage, staff.standard().zone());
        Map<String, Object> model = staffModel(c, reader);
        model.put("recipientName", colleagueName);
        model.put("handedBy", byName);
        model.put("note", note == null ? "" : note.strip());
        model.put("sender", CaseTexts.sender(c));
        model.put("hasAccount", accountName != null);
        model.put("accountName", accountName == null ? "" : accountName);
        var mail = staff.write(Text.CASE_HANDOVER, reader, model, List.of(to), "auto-generated", null, now);
        return new OutboundMail(MailKind.MANAGER_ALERT, mail.messageId(), staff.from(), List.of(to), mail.raw(), null, now)
                .about(c.accountId().orElse(null), c.id());
    }

    /** What every staff mail about a case says: its reference, the promised answer in the reader's time, its console page. */
    private Map<String, Object> staffModel(SupportCase c, StaffReader reader) {
        Map<String, Object> model = staff.model(reader);
        model.put("reference", c.reference());
        model.put("deadline", Map.of("when", reader.moment(c.dueAt())));
        model.put("caseUrl", staff.caseUrl(c.id()));
        return model;
    }

    /** Who reads mail to {@code address}, and in which language (see {@link StaffMails#reader}). */
    public StaffReader staffReader(Repositories repos, String address) {
        return staff.reader(repos, address);
    }
}
