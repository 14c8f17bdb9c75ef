package app.frontdesk.application.cases;

import app.frontdesk.application.Transactions;
import app.frontdesk.application.evidence.Candidate;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.evidence.Evidence;
import app.frontdesk.application.mail.MailParser;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.application.mail.UnparseableMailException;
import app.frontdesk.application.verification.SenderVerifier;
import app.frontdesk.application.verification.Verification;
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

    /**
     * A held message as a person reads it: its text (never rendered as HTML), what else it carried, and what our
     * mail server verified about its sender (empty when the message cannot be read).
     */
    public record MessageText(InboundMessage message, String from, String text, List<String> partTypes,
                              List<app.frontdesk.application.mail.MailPart> attachments, Optional<Verification> verification) {

        public MessageText(InboundMessage message, String from, String text, List<String> partTypes) {
            this(message, from, text, partTypes, List.of(), Optional.empty());
        }
    }

    /** An account the evidence points to and the viewer may act for, with the confidence and the facts found. */
    public record CandidateAccount(Account account, int percent, List<Evidence> evidence) {
    }

    /**
     * How the console shows one case the viewer may see.
     *
     * @param candidates the accounts the case's evidence ranked, best first, only those the viewer may act for; empty
     *                   when the evidence is not in {@link Candidates#describe}'s form
     */
    @FunctionalInterface
    public interface ConsoleView<T> {
        T of(SupportCase c, Optional<Account> account, List<MessageText> messages, List<OutboundMail> sent, List<CandidateAccount> candidates);
    }

    /** Enough to decide; the rest is in the raw message, which stays stored. */
    static final int MAX_TEXT = 20_000;
    static final int MAX_MESSAGES = 20;

    private final Transactions transactions;
    private final MailParser parser;
    private final SenderVerifier verifier;

    /** @param verifier the pipeline's: a case's page says what it found, checked again on the stored headers */
    public CaseQueries(Transactions transactions, MailParser parser, SenderVerifier verifier) {
        this.transactions = transactions;
        this.parser = parser;
        this.verifier = verifier;
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
            // each candidate through the viewer's narrowed query: another manager's account is not offered, nor named
            List<CandidateAccount> candidates = Candidates.parse(c.evidence()).map(Candidates::ranked).orElse(List.of()).stream()
                    .limit(Candidates.DESCRIBED)
                    .flatMap(k -> r.accounts().findLookedAfterBy(viewer, k.accountId()).map(a -> candidate(a, k)).stream())
                    .toList();
            return view.of(c, c.accountId().flatMap(a -> r.accounts().find(a)), texts, r.outbox().ofCase(id), candidates);
        }));
    }

    private static CandidateAccount candidate(Account a, Candidate k) {
        return new CandidateAccount(a, k.percent(), k.evidence());
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
            // checked again as the pipeline did (the verdict is not stored): the headers are those it read, unchanged
            Optional<Verification> verified = p.from().isEmpty() ? Optional.empty()
                    : Optional.of(verifier.verify(p.headers(), domainOf(p.from().get(0).address())));
            return new MessageText(m, from, text, p.partTypes(), CaseAttachments.partsOf(parser, raw), verified);
        } catch (UnparseableMailException e) {
            return new MessageText(m, m.fromAddress(), "", List.of());
        }
    }

    private static String domainOf(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
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
