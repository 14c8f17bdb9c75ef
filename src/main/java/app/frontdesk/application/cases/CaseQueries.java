package app.frontdesk.application.cases;

import app.frontdesk.application.Transactions;
import app.frontdesk.application.mail.MailParser;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.UnparseableMailException;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.ActionLink;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cases read for the API and the console; views are made inside the read's transaction. */
public final class CaseQueries {

    /** How a caller shows one case with what belongs to it. */
    @FunctionalInterface
    public interface DetailView<T> {
        T of(SupportCase c, List<InboundMessage> messages, List<OutboundMail> sent, List<ActionLink> links);
    }

    /** A held message as a person reads it: its text (never rendered as HTML) and what else it carried. */
    public record MessageText(InboundMessage message, String from, String text, List<String> partTypes,
                              List<app.frontdesk.application.mail.MailPart> attachments) {

        public MessageText(InboundMessage message, String from, String text, List<String> partTypes) {
            this(message, from, text, partTypes, List.of());
        }
    }

    /** How the console shows one case the viewer may see. */
    @FunctionalInterface
    public interface ConsoleView<T> {
        T of(SupportCase c, Optional<Account> account, List<MessageText> messages, List<OutboundMail> sent);
    }

    /** Enough to decide; the rest is in the raw message, which stays stored. */
    static final int MAX_TEXT = 20_000;
    static final int MAX_MESSAGES = 20;

    private final Transactions transactions;
    private final MailParser parser;

    public CaseQueries(Transactions transactions, MailParser parser) {
        this.transactions = transactions;
        this.parser = parser;
    }

    /** The open cases the viewer may see, earliest promise first (the narrowing is in the repository's query). */
    public <T> List<T> openFor(Viewer viewer, int limit, Function<SupportCase, T> view) {
        return transactions.inTransaction(r -> r.cases().openFor(viewer, limit).stream().map(view).toList());
    }

    /** One case, if the viewer may see it; the same empty answer as for a case that does not exist. */
    public <T> Optional<T> detailFor(Viewer viewer, long id, ConsoleView<T> view) {
        return transactions.inTransaction(r -> r.cases().findFor(viewer, id).map(c -> {
            List<InboundMessage> messages = r.inbound().inCase(id).stream().limit(MAX_MESSAGES).toList();
            var raw = r.inbound().rawBytes(messages.stream().map(InboundMessage::id).toList());
            List<MessageText> texts = messages.stream().map(m -> text(m, raw.get(m.id()))).toList();
            return view.of(c, c.accountId().flatMap(a -> r.accounts().find(a)), texts, r.outbox().ofCase(id));
        }));
    }

    private MessageText text(InboundMessage m, byte[] raw) {
        if (raw == null) {
            return new MessageText(m, m.fromAddress(), "", List.of());
        }
        try {
            ParsedMail p = parser.parse(raw);
            String text = p.text() == null ? "" : p.text();
            if (text.length() > MAX_TEXT) {
                text = text.substring(0, MAX_TEXT) + "\n...";
            }
            String from = p.from().isEmpty() ? m.fromAddress()
                    : (p.from().get(0).displayName() == null ? "" : p.from().get(0).displayName() + " ") + "<" + p.from().get(0).address() + ">";
            return new MessageText(m, from, text, p.partTypes(), CaseAttachments.partsOf(parser, raw));
        } catch (UnparseableMailException e) {
            return new MessageText(m, m.fromAddress(), "", List.of());
        }
    }

    /** Newest first, at most {@code limit}, in one state or all. */
    public <T> List<T> list(Optional<CaseState> state, int limit, Function<SupportCase, T> view) {
        return transactions.inTransaction(r -> r.cases().list(state, limit).stream().map(view).toList());
    }

    public <T> Optional<T> detail(long id, DetailView<T> view) {
        return transactions.inTransaction(r -> r.cases().find(id)
                .map(c -> view.of(c, r.inbound().inCase(id), r.outbox().ofCase(id), r.cases().links(id))));
    }
}
