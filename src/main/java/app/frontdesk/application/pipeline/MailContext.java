package app.frontdesk.application.pipeline;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.cases.StrangerMail;
import app.frontdesk.application.mail.ParsedMail;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;
import java.time.Instant;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message on its way through the pipeline: the stored message and its bytes, what the steps
 * found out so far, and the repositories of the transaction the decision will commit in.
 */
public final class MailContext {

    private final InboundMessage message;
    private final byte[] raw;
    private final Repositories repositories;
    private final Instant now;

    private ParsedMail parsed;
    private EmailAddress sender;
    private String senderProblem;
    private List<Long> contactAccounts = List.of();
    private String managerName;
    private List<Long> managedAccounts = List.of();
    private Verification verification;
    private Candidates candidates = new Candidates(List.of());
    private SupportCase supportCase;
    private boolean contactsAsked;
    private boolean caseOpened;
    private final List<String> sent = new ArrayList<>();
    private Decision decision;
    private String currentStep = "";

    public MailContext(InboundMessage message, byte[] raw, Repositories repositories, Instant now) {
        this.message = message;
        this.raw = raw;
        this.repositories = repositories;
        this.now = now;
    }

    public InboundMessage message() {
        return message;
    }

    public byte[] raw() {
        return raw;
    }

    public Repositories repositories() {
        return repositories;
    }

    public Instant now() {
        return now;
    }

    public ParsedMail parsed() {
        if (parsed == null) {
            throw new IllegalStateException("the message has not been parsed yet: the parse step must come first");
        }
        return parsed;
    }

    void parsed(ParsedMail value) {
        this.parsed = value;
    }

    public Optional<EmailAddress> sender() {
        return Optional.ofNullable(sender);
    }

    void sender(EmailAddress value) {
        this.sender = value;
    }

    /** Why no sender could be identified (no From, several mailboxes, an invalid address). */
    public Optional<String> senderProblem() {
        return Optional.ofNullable(senderProblem);
    }

    void senderProblem(String value) {
        this.senderProblem = value;
    }

    /** The accounts whose authorized contact the sender is (empty: not a known contact). */
    public List<Long> contactAccounts() {
        return contactAccounts;
    }

    void contactAccounts(List<Long> value) {
        this.contactAccounts = List.copyOf(value);
    }

    /** The sender's name as one of our personal managers; empty when the sender is none (or is a customer's contact). */
    public Optional<String> managerName() {
        return Optional.ofNullable(managerName);
    }

    /** The accounts the sender is the personal manager of. */
    public List<Long> managedAccounts() {
        return managedAccounts;
    }

    void manager(String name, List<Long> accounts) {
        this.managerName = name;
        this.managedAccounts = List.copyOf(accounts);
    }

    /** What our mail server's results say about the From domain; UNVERIFIED until the verify step ran. */
    public Verification verification() {
        return verification == null ? new Verification(Verification.Status.UNVERIFIED, "not checked") : verification;
    }

    void verification(Verification value) {
        this.verification = value;
    }

    /** True when the sender is an authorized contact and the From domain is verified. */
    public boolean isVerifiedContact() {
        return !contactAccounts.isEmpty() && verification().passed();
    }

    public Candidates candidates() {
        return candidates;
    }

    void candidates(Candidates value) {
        this.candidates = value;
    }

    public Optional<SupportCase> supportCase() {
        return Optional.ofNullable(supportCase);
    }

    /** True when this message opened its case (false: it joined the sender's open case). */
    public boolean caseOpened() {
        return caseOpened;
    }

    /** True when the authorized contacts of the case's account were asked already, on an earlier message. */
    public boolean contactsAsked() {
        return contactsAsked;
    }

    void supportCase(SupportCase value, boolean opened, boolean asked) {
        this.supportCase = value;
        this.caseOpened = opened;
        this.contactsAsked = asked;
    }

    /** What the steps sent for this message so far, in words ("explanation to x@y"), for the manager. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    void sent(String what) {
        sent.add(what);
    }

    /** The message as the unknown-sender desk reads it; the sender must be identified. */
    public StrangerMail stranger() {
        return new StrangerMail(message, raw, parsed(), sender().orElseThrow(), verification(), contactAccounts, candidates, now);
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    void enteredStep(String name) {
        this.currentStep = name;
    }

    /** The step the message is in (or last was in); empty before the first. */
    String step() {
        return currentStep;
    }

    public void decide(Route route, InboundState state, Long accountId, String reason) {
        if (decision != null) {
            throw new IllegalStateException("route already decided by step " + decision.step());
        }
        // A message read only in part is decided on what was read; its reason says so, whatever step decides.
        List<String> limits = parsed == null ? List.of() : parsed.limitsReached();
        this.decision = new Decision(route, state, accountId, limits.isEmpty() ? reason
                : reason + "; read only in part: " + String.join("; ", limits), currentStep);
    }
}
