package app.frontdesk.interfaces.console;

import app.frontdesk.application.cases.CaseQueries.CandidateAccount;
import app.frontdesk.application.cases.CaseQueries.MessageText;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.application.verification.VerificationWords;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.StaffUser;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.domain.model.task.Task;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Models for the console's templates: plain maps of words and numbers, with times in the gateway's
 * zone and the reader's language. Every value is escaped by the template; nothing here builds HTML.
 */
@ApplicationScoped
public class ConsoleViews {

    @Inject
    ConsoleSettings settings;

    private volatile ConsoleWords words;

    public ConsoleViews() {
    }

    ConsoleViews(ConsoleSettings settings) {
        this.settings = settings;
    }

    private Clock clock() {
        return settings.clock();
    }

    /** The words for stored codes, read once from the operator's templates. */
    ConsoleWords words() {
        ConsoleWords w = words;
        if (w == null) {
            w = ConsoleWords.load(settings.templatesDir());
            words = w;
        }
        return w;
    }

    Map<String, Object> caseRow(SupportCase c, Locale lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id());
        m.put("reference", c.reference());
        m.put("sender", c.sender());
        m.put("senderName", c.senderName().orElse(""));
        m.put("state", Map.of(c.state().name(), true));
        m.put("kind", Map.of(c.kind().name(), true));
        m.put("opened", time(c.openedAt(), lang));
        m.put("age", span(Duration.between(c.openedAt(), clock().instant())));
        Duration left = Duration.between(clock().instant(), c.dueAt());
        m.put("due", time(c.dueAt(), lang));
        m.put(left.isNegative() ? "overdue" : "left", span(left.abs()));
        m.put("confidence", c.confidence());
        return m;
    }

    /** A task someone owes: what, to whom, by when and how much time is left (or how late it is). */
    Map<String, Object> taskRow(Task t, Viewer v, Locale lang) {
        Map<String, Object> m = new HashMap<>();
        m.put("taskId", t.id()); // not "id": a row sits inside other sections
        m.put("kind", Map.of(t.kind().name(), true));
        m.put("promisedTo", t.promisedTo().orElse(""));
        m.put("promise", t.promise());
        m.put("due", time(t.dueAt(), lang));
        Duration left = Duration.between(clock().instant(), t.dueAt());
        m.put(left.isNegative() || left.isZero() ? "overdue" : "left", span(left.abs()));
        m.put("escalated", t.escalatedAt().isPresent());
        m.put("othersTask", !t.assignee().equalsIgnoreCase(v.email()));
        m.put("assignee", t.assignee());
        t.caseId().ifPresent(c -> m.put("caseId", c));
        t.accountId().ifPresent(a -> m.put("accountId", a));
        return m;
    }

    Map<String, Object> caseDetail(Viewer v, SupportCase c, Optional<Account> account, List<MessageText> messages, List<OutboundMail> sent,
                                   List<CandidateAccount> candidates) {
        Locale lang = v.locale();
        ConsoleWords w = words();
        Map<String, Object> m = caseRow(c, lang);
        // not "id": inside {{#account}} Mustache would take the account's id, and a form would act on another case
        m.put("caseId", c.id());
        m.put("open", !c.state().isClosed());
        m.put("closedNote", c.closedNote() == null ? "" : c.closedNote());
        account.ifPresent(a -> m.put("account", Map.of("id", a.id(), "name", a.name())));
        evidence(m, c, account, candidates, lang);
        verdict(messages).ifPresent(x -> m.put("verdict", verdict(x.verification().orElseThrow(), x.from(), lang)));
        m.put("canHandOver", v.seesAllCases());
        c.assignee().ifPresent(a -> m.put("assignee", a));
        m.put("messages", messages.stream().map(t -> {
            Map<String, Object> x = new HashMap<>();
            x.put("id", t.message().id());
            x.put("subject", t.message().subject() == null ? "" : t.message().subject());
            x.put("from", t.from());
            x.put("received", time(t.message().receivedAt(), lang));
            x.put("text", t.text());
            x.put("held", t.message().state().name().equals("HELD"));
            x.putAll(heldCause(t.message(), lang));
            // listed, opened only on request: each link is a download (CasePages.attachment), never shown in the page
            List<Map<String, Object>> parts = t.attachments().stream().map(p -> Map.<String, Object>of("caseId", c.id(),
                    "messageId", t.message().id(), "index", p.index(), "name", p.filename().isEmpty() ? "" : p.filename(),
                    "type", p.type(), "size", size(p.size(), lang))).toList();
            x.put("parts", parts);
            x.put("hasParts", !parts.isEmpty());
            return x;
        }).toList());
        // the kind in the reader's words; the detail as recorded (our own code writes it in English from values it no
        // longer has apart), labelled so, except a person's note, which is theirs
        m.put("timeline", c.timeline().stream().map(e -> Map.of("at", time(e.occurredAt(), lang), "actor", w.say("actor", e.actor(), lang),
                "what", w.say("event", e.kind(), lang), "detail", e.detail() == null ? "" : e.detail(),
                "recorded", !"note".equals(e.kind()))).toList());
        m.put("sent", sent.stream().map(o -> Map.of("kind", w.say("mail", o.kind().name(), lang), "to", String.join(", ", o.recipients()),
                "state", w.say("mailState", o.state().name(), lang))).toList());
        m.put("closed", c.state() == CaseState.RESOLVED || c.state() == CaseState.REJECTED || c.state() == CaseState.EXPIRED);
        return m;
    }

    /**
     * Why a message waits, in the reader's words from its route (a code); the pipeline's own reason, written in
     * English with the details it saw, kept beside it as recorded.
     */
    Map<String, Object> heldCause(InboundMessage message, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        x.put("cause", message.route() == null ? "" : words().say("held", message.route().name(), lang));
        x.put("reason", message.reason() == null ? "" : message.reason());
        return x;
    }

    /**
     * The evidence in words: each candidate company the viewer may act for, with its confidence and the facts found
     * (said from their kinds); the case's evidence as recorded when it is not in the form the finder writes.
     */
    private void evidence(Map<String, Object> m, SupportCase c, Optional<Account> account, List<CandidateAccount> candidates, Locale lang) {
        Optional<Candidates> parsed = Candidates.parse(c.evidence());
        if (parsed.isEmpty()) {
            m.put("evidenceRecorded", c.evidence() == null ? "" : c.evidence());
            return;
        }
        m.put("noCandidates", parsed.get().ranked().isEmpty());
        List<Map<String, Object>> rows = candidates.stream().map(k -> {
            Map<String, Object> x = new HashMap<>();
            x.put("candidateId", k.account().id()); // not "id" nor "accountId": a row sits inside the case's sections
            x.put("candidateName", k.account().name());
            x.put("percent", k.percent());
            x.put("facts", String.join(", ", k.evidence().stream().map(e -> fact(e, lang)).toList()));
            x.put("chosen", account.map(a -> a.id().equals(k.account().id())).orElse(false));
            return x;
        }).toList();
        m.put("candidates", rows);
        m.put("hasCandidates", !rows.isEmpty());
    }

    private String fact(Evidence e, Locale lang) {
        return words().of("evidence", e.kind(), lang, Map.of("value", e.value())).orElse(e.describe());
    }

    /** The newest message whose sender could be checked: the verdict the page leads with. */
    private static Optional<MessageText> verdict(List<MessageText> messages) {
        return messages.stream().filter(t -> t.verification().isPresent())
                .max(java.util.Comparator.comparing(t -> t.message().receivedAt()));
    }

    /** What our mail server verified about the sender, in {@link VerificationWords}' words, headed by the verdict. */
    static Map<String, Object> verdict(Verification v, String from, Locale lang) {
        Map<String, Object> x = new HashMap<>();
        String status = switch (v.status()) {
            case VERIFIED -> "verified";
            case UNVERIFIED -> "unverified";
            case TRUSTED_BY_POLICY, NOT_CONFIGURED -> "unchecked";
        };
        x.put(status, true);
        x.put("words", VerificationWords.of(v, lang));
        int at = from == null ? -1 : from.lastIndexOf('@');
        x.put("domain", at < 0 ? "" : from.substring(at + 1).replace(">", ""));
        return x;
    }

    Map<String, Object> staff(Viewer v, List<StaffUser> users, String problem) {
        Map<String, Object> m = new HashMap<>();
        m.put("users", users.stream().map(u -> Map.of("id", u.id(), "email", u.email(), "name", u.displayName(),
                "roles", String.join(", ", u.roles().stream().map(StaffRole::id).toList()), "disabled", u.disabled(),
                "self", u.id() == v.userId(),
                "is", u.roles().stream().collect(java.util.stream.Collectors.toMap(StaffRole::id, r -> true)))).toList());
        if (problem != null) {
            m.put("error", problem);
        }
        return m;
    }

    /** The zone times are shown in (through a method: the bean is a CDI proxy, whose fields are not the bean's). */
    java.time.ZoneId zone() {
        return settings.zone();
    }

    String time(Instant t, Locale lang) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", lang).withZone(settings.zone()).format(t);
    }

    /** A size as people read it: "512 B", "1.5 KB", "2,3 МБ". */
    static String size(long bytes, Locale lang) {
        boolean ru = "ru".equals(lang.getLanguage());
        if (bytes < 1024) {
            return bytes + (ru ? " Б" : " B");
        }
        double kb = bytes / 1024.0;
        String[] units = ru ? new String[] {" КБ", " МБ", " ГБ"} : new String[] {" KB", " MB", " GB"};
        int u = 0;
        while (kb >= 1024 && u < units.length - 1) {
            kb /= 1024;
            u++;
        }
        return String.format(lang, "%.1f", kb) + units[u];
    }

    /** Hours and minutes, for "due in" and "waiting for". */
    static Map<String, Object> span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        Map<String, Object> m = new HashMap<>();
        m.put("days", minutes / (24 * 60));
        m.put("hours", minutes / 60 % 24);
        m.put("minutes", minutes % 60);
        m.put("hasDays", minutes >= 24 * 60);
        return m;
    }
}
