package app.frontdesk.application.pipeline;

import app.frontdesk.application.Repositories;
import app.frontdesk.application.evidence.Candidates;
import app.frontdesk.application.verification.Verification;
import app.frontdesk.domain.model.account.EmailAddress;
import app.frontdesk.domain.model.inbound.Envelope;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.supportcase.SupportCase;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.testkit.GatewayFixture;
import app.frontdesk.testkit.TestMail;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One message in the pipeline, for testing one step, the way James's {@code FakeMail} is: built from
 * a {@link TestMail}, parsed, with what the earlier steps would have found set directly (sender,
 * verification, contact or manager accounts, candidates, case). Without a database for matchers;
 * {@link #serviceIn} stores the message through intake and runs a mailet in a real transaction of a
 * {@link GatewayFixture} (H2), so a mailet is tested against what it writes.
 */
final class FakeMail {

    private final java.util.concurrent.Callable<byte[]> mail;
    private Envelope envelope = new Envelope("someone@x.example", "support@frontdesk.test");
    private Instant now = Instant.parse("2026-11-20T09:00:00Z");
    private String sender;
    private boolean fromHeader = true;
    private Verification verification;
    private List<Long> contactAccounts = List.of();
    private String managerName;
    private List<Long> managedAccounts = List.of();
    private Candidates candidates;
    private SupportCase supportCase;
    private boolean opened;
    private boolean parse = true;

    private FakeMail(java.util.concurrent.Callable<byte[]> mail) {
        this.mail = mail;
    }

    static FakeMail of(TestMail mail) {
        return new FakeMail(mail::bytes);
    }

    /** Bytes as the mail server handed them over, whatever they are; not parsed. */
    static FakeMail ofRaw(byte[] raw) {
        return new FakeMail(() -> raw).unparsed();
    }

    FakeMail envelope(Envelope value) {
        this.envelope = value;
        return this;
    }

    FakeMail at(Instant value) {
        this.now = value;
        return this;
    }

    /** The identified sender (default: the From address). */
    FakeMail sender(String address) {
        this.sender = address;
        return this;
    }

    /** As if the sender step found no sender. */
    FakeMail noSender() {
        this.fromHeader = false;
        return this;
    }

    FakeMail verified() {
        this.verification = new Verification(Verification.Status.VERIFIED, "dmarc=pass (test)");
        return this;
    }

    FakeMail unverified() {
        this.verification = new Verification(Verification.Status.UNVERIFIED, "no trusted result (test)");
        return this;
    }

    FakeMail contactOf(Long... accounts) {
        this.contactAccounts = Arrays.asList(accounts);
        return this;
    }

    FakeMail managerOf(String name, Long... accounts) {
        this.managerName = name;
        this.managedAccounts = Arrays.asList(accounts);
        return this;
    }

    FakeMail candidates(Candidates value) {
        this.candidates = value;
        return this;
    }

    FakeMail inCase(SupportCase value, boolean openedByThisMessage) {
        this.supportCase = value;
        this.opened = openedByThisMessage;
        return this;
    }

    /** Not parsed yet: for the parse step itself. */
    FakeMail unparsed() {
        this.parse = false;
        return this;
    }

    /** The context without a database (repositories are null): for matchers and steps that only read the mail. */
    MailContext build() throws Exception {
        byte[] raw = mail.call();
        return context(new InboundMessage("0".repeat(64), null, envelope, raw.length, now), raw, null);
    }

    /**
     * Stores the message as intake does, then runs {@code mailets} on it in order, in one transaction of
     * {@code gw} (committed when the last returns): the steps before the one under test set up what it
     * needs (a case, say) as the pipeline would. Hands the context to {@code then} inside that transaction.
     */
    MailContext serviceIn(GatewayFixture gw, List<Mailet> mailets, Consumer<MailContext> then) throws Exception {
        byte[] raw = mail.call();
        long id = gw.intake.accept(raw, envelope).id();
        return gw.db.inTransaction(repos -> {
            MailContext ctx;
            try {
                ctx = context(repos.inbound().find(id).orElseThrow(), raw, repos);
                for (Mailet mailet : mailets) {
                    mailet.service(ctx, "test");
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // as the processor does: the decision is written on the message in the same transaction
            ctx.decision().ifPresent(d -> ctx.message().route(d.route(), d.state(), d.accountId(), d.reason(), now));
            then.accept(ctx);
            return ctx;
        });
    }

    MailContext serviceIn(GatewayFixture gw, Mailet... mailets) throws Exception {
        return serviceIn(gw, List.of(mailets), ctx -> { });
    }

    private MailContext context(InboundMessage message, byte[] raw, Repositories repos) throws Exception {
        MailContext ctx = new MailContext(message, raw, repos, now);
        if (parse) {
            ctx.parsed(new Mime4jMailParser().parse(raw));
            if (fromHeader) {
                ctx.sender(EmailAddress.of(sender != null ? sender : ctx.parsed().from().get(0).address()));
            }
        }
        if (verification != null) {
            ctx.verification(verification);
        }
        ctx.contactAccounts(contactAccounts);
        if (managerName != null) {
            ctx.manager(managerName, managedAccounts);
        }
        if (candidates != null) {
            ctx.candidates(candidates);
        }
        if (supportCase != null) {
            // what the repository counts, from the case's own timeline here
            ctx.supportCase(supportCase, opened, supportCase.timeline().stream()
                    .anyMatch(e -> e.kind().equals(app.frontdesk.application.cases.UnknownSenderDesk.ASKED)));
        }
        return ctx;
    }
}
