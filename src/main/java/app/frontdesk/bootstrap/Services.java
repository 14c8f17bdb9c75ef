package app.frontdesk.bootstrap;

import app.frontdesk.application.Meter;
import app.frontdesk.application.WebhookTargets;
import app.frontdesk.application.Transactions;
import app.frontdesk.application.accountdesk.AccountDesk;
import app.frontdesk.application.accounts.AccountService;
import app.frontdesk.application.audit.AuditQueries;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.care.RecoveryDesk;
import app.frontdesk.application.care.RecoveryMail;
import app.frontdesk.application.contacts.CustomerContacts;
import app.frontdesk.application.care.RecoveryOffers;
import app.frontdesk.application.care.ComplaintWords;
import app.frontdesk.application.care.ComplaintDesk;
import app.frontdesk.application.cases.CaseActions;
import app.frontdesk.application.cases.CaseHandover;
import app.frontdesk.application.cases.CaseRejection;
import app.frontdesk.application.cases.CaseStaffTexts;
import app.frontdesk.application.cases.CaseHousekeeping;
import app.frontdesk.application.cases.CaseNews;
import app.frontdesk.application.cases.CaseAttachments;
import app.frontdesk.application.cases.CaseQueries;
import app.frontdesk.application.needs.NeedsMe;
import app.frontdesk.application.cases.CaseSettings;
import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.cases.EmailAuthorizationChannel;
import app.frontdesk.application.cases.LinkSigner;
import app.frontdesk.application.cases.Links;
import app.frontdesk.application.cases.Insiders;
import app.frontdesk.application.cases.UnknownSenderDesk;
import app.frontdesk.application.dunning.PaymentNews;
import app.frontdesk.application.news.CustomerNews;
import app.frontdesk.application.cases.WebhookAuthorizationChannel;
import app.frontdesk.application.dunning.DunningGate;
import app.frontdesk.application.dunning.NoticeApprovals;
import app.frontdesk.application.dunning.NoticeBatches;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeMails;
import app.frontdesk.application.dunning.NoticeQueries;
import app.frontdesk.application.dunning.ReasonWords;
import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.application.payments.PaymentOrderReader;
import app.frontdesk.application.payments.PassedOnPaymentOrders;
import app.frontdesk.application.payments.PaymentOrderMails;
import app.frontdesk.application.payments.PaymentOrders;
import app.frontdesk.application.evidence.AccountFinder;
import app.frontdesk.application.evidence.AccountSearch;
import app.frontdesk.application.evidence.ClueExtractor;
import app.frontdesk.application.evidence.EvidencePatterns;
import app.frontdesk.application.evidence.PublicMailDomains;
import app.frontdesk.application.instances.Admission;
import app.frontdesk.application.intake.InboundQueries;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.intake.QuarantineDesk;
import app.frontdesk.application.intake.RefusedDeliveries;
import app.frontdesk.application.outbox.AdminAlert;
import app.frontdesk.application.outbox.HelpdeskForward;
import app.frontdesk.application.outbox.KindRoutingTransport;
import app.frontdesk.application.outbox.MailTransport;
import app.frontdesk.application.outbox.MessageIds;
import app.frontdesk.application.outbox.OutboxDispatcher;
import app.frontdesk.application.outbox.StaffMails;
import app.frontdesk.application.pipeline.GatewayPipeline;
import app.frontdesk.application.pipeline.InboundProcessor;
import app.frontdesk.application.pipeline.Pipeline;
import app.frontdesk.application.staff.LoginThrottle;
import app.frontdesk.application.staff.PasswordHashes;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.application.tasks.TaskMails;
import app.frontdesk.application.texts.TemplateLibrary;
import app.frontdesk.application.verification.SenderVerifier;
import app.frontdesk.application.wording.TemplateWording;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.application.wording.WordingRules;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.inbound.Route;
import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.infrastructure.mail.WebhookTransport;
import app.frontdesk.infrastructure.mime.Mime4jMailParser;
import app.frontdesk.infrastructure.mime.PdfBoxText;
import java.time.Clock;
import java.util.List;

/**
 * Every application service, wired from the settings over one database. The server (see
 * {@link Gateway}) and the tests build the same graph through this class, so a test exercises what
 * runs.
 */
public final class Services {

    public final MessageIds messageIds;
    /** Writes every mail to staff: in the reader's language and zone, from the company's name, with console links. */
    public final StaffMails staffMails;
    public final AdminAlert adminAlert;
    public final TemplateLibrary templates;
    public final WordingCheck wording;
    public final CareDesk care;
    /** Every promised answer and call, and the escalation of the overdue ones. */
    public final TaskDesk tasks;
    /** Making it right after a mistake: the recovery task and the recovery mail. */
    public final RecoveryDesk recovery;
    public final CaseTexts caseTexts;
    /** The mails about cases to staff: alerts, digests, hand-overs. */
    public final CaseStaffTexts caseStaffTexts;
    public final Links links;
    public final UnknownSenderDesk unknownSenders;
    /** What the pipeline's steps delegate to. */
    public final GatewayPipeline.Desks desks;
    public final Pipeline pipeline;
    public final InboundProcessor processor;
    public final MessageIntake intake;
    public final OutboxDispatcher dispatcher;
    public final AccountService accounts;
    public final CaseActions caseActions;
    public final CaseRejection caseRejection;
    public final CaseHandover caseHandover;
    public final CaseHousekeeping housekeeping;
    public final WebhookTransport webhooks;
    public final WebhookTargets webhookTargets;
    public final NoticeDesk notices;
    public final PaymentDesk payments;
    public final NoticeBatches batches;
    private final Transactions db;
    private final Clock clock;
    private final boolean configured;
    public final InboundQueries inboundQueries;
    public final QuarantineDesk quarantine;
    public final AuditQueries audit;
    public final RefusedDeliveries refusedDeliveries;
    public final CaseQueries caseQueries;
    public final CaseAttachments caseAttachments;
    public final NeedsMe needsMe;
    public final ReasonWords reasonWords;
    public final NoticeQueries noticeQueries;
    public final NoticeApprovals noticeApprovals;
    public final StaffDirectory staff;
    /** Sign-in failures, counted in the database; housekeeping forgets the old ones. */
    public final LoginThrottle loginThrottle;
    public final AccountDesk accountDesk;
    /** Whether this instance still takes mail (closed on SIGTERM), and the handovers under way. */
    public final Admission admission = new Admission();

    /**
     * @param mailTransport how mails leave (SMTP or files); webhooks are added here
     * @param wake          called when a message was accepted (wakes the pipeline workers)
     */
    public Services(Settings settings, Transactions db, Clock clock, Meter meter, MailTransport mailTransport, Runnable wake) {
        this.db = db;
        this.clock = clock;
        this.configured = settings.configurationGaps().isEmpty();
        this.messageIds = new MessageIds(settings.addresses.frontdesk().domain());
        this.templates = TemplateLibrary.load(settings.templatesDir, CaseTexts::sample);
        this.wording = new WordingCheck(WordingRules.load(settings.configDir));
        TemplateWording.check(templates, wording, CaseTexts::sample);
        this.staffMails = new StaffMails(templates, settings.addresses, messageIds, settings.staffLocale, settings.staffTimeZone, settings.publicUrl);
        this.adminAlert = new AdminAlert(staffMails, settings.addresses.admin().value());
        this.tasks = new TaskDesk(db, clock, settings.calendar(), new TaskMails(new TaskMails.Staff(settings.supportLeadAddress, staffMails)),
                app.frontdesk.application.tasks.PromiseWords.load(settings.templatesDir));
        this.care = new CareDesk(db, clock, settings.careWindow,
                new CareDesk.People(settings.supportLeadAddress, settings.headOfSupportAddress, staffMails), tasks);
        CaseSettings caseSettings = new CaseSettings(settings.publicUrl, settings.linkTtl, settings.replyWindow, settings.alertWindow,
                settings.answerWithin, settings.triageAddress, settings.support, settings.defaultLocale, settings.calendar(),
                settings.autoReplyEnvelopeFrom.orElse(null));
        this.reasonWords = ReasonWords.load(settings.templatesDir);
        this.caseTexts = new CaseTexts(templates, settings.addresses, messageIds, caseSettings);
        this.caseStaffTexts = new CaseStaffTexts(staffMails, reasonWords);
        DunningGate gate = new DunningGate(settings.calendar(), settings.clearingBusinessDays, settings.noticeRepeatWindow);
        PaymentNews paymentNews = new PaymentNews(gate, settings.timeZone);
        CustomerContacts customerContacts = new CustomerContacts(settings.addresses, settings.support);
        CustomerNews customerNews = new CustomerNews(templates, settings.addresses, messageIds, customerContacts, settings.timeZone);
        RecoveryMail recoveryMail = new RecoveryMail(templates, settings.addresses, messageIds, customerContacts);
        RecoveryOffers offers = RecoveryOffers.load(settings.configDir);
        RecoveryDesk.check(offers, recoveryMail, wording, new Account("Sample LLC", java.time.Instant.EPOCH));
        this.recovery = new RecoveryDesk(db, clock, offers, recoveryMail, wording, tasks, settings.defaultLocale, settings.answerWithin);
        this.webhookTargets = new WebhookTargets(settings.webhookAllowPrivate);
        this.links = new Links(new LinkSigner(Tokens.key(settings.linkSecret, settings.dataDir.resolve("secrets"), "link-secret")),
                settings.publicUrl);
        AccountSearch accountSearch = new AccountSearch(
                new ClueExtractor(EvidencePatterns.load(settings.configDir), PublicMailDomains.load(settings.configDir)), new AccountFinder());
        this.unknownSenders = new UnknownSenderDesk(accountSearch, caseTexts, caseStaffTexts, links, care, new Insiders(paymentNews), tasks,
                List.of(new EmailAuthorizationChannel(caseTexts), new WebhookAuthorizationChannel(messageIds)));
        NoticeMails noticeMails = new NoticeMails(settings.addresses, messageIds, settings.billingAddress.orElse(null), staffMails, reasonWords);
        this.notices = new NoticeDesk(db, clock, gate, noticeMails, settings.timeZone, care, recovery,
                new CaseNews(paymentNews, customerNews, caseSettings));
        this.payments = new PaymentDesk(db, clock, notices::recheckAccount);
        this.batches = new NoticeBatches(db, clock, notices);
        PaymentOrders paymentOrders = new PaymentOrders(new PaymentOrderReader(new PdfBoxText()), payments,
                new PaymentOrderMails(staffMails), settings.timeZone, paymentNews::pausedUntil, customerNews);
        this.desks = new GatewayPipeline.Desks(
                new Mime4jMailParser(settings.mimeLimits),
                new SenderVerifier(settings.senderPolicy, settings.trustedAuthservIds, settings.trustFoldedResults),
                unknownSenders, paymentOrders, new PassedOnPaymentOrders(paymentOrders, accountSearch),
                new ComplaintDesk(ComplaintWords.load(settings.configDir), care, settings.careWindow), adminAlert);
        this.pipeline = GatewayPipeline.create(settings.addresses, messageIds, desks);
        this.processor = new InboundProcessor(db, pipeline, adminAlert, clock, meter,
                settings.batchSize, 5);
        this.intake = new MessageIntake(db, clock, meter, settings.maxMessageBytes, wake, settings.intakeBatch,
                settings.intakeLanes, settings.intakeLaneWait);
        this.webhooks = new WebhookTransport(Tokens.key(settings.webhookSecret, settings.dataDir.resolve("secrets"), "webhook-secret"),
                webhookTargets);
        this.dispatcher = new OutboxDispatcher(db, new KindRoutingTransport(mailTransport, webhooks), clock, meter, 20, 12,
                settings.outboxFirstRetry,
                // A notice is checked once more in the very transaction that sends it (issue 4, "no stale decisions").
                (repos, mail) -> mail.kind() != MailKind.DUNNING_NOTICE || notices.beforeSend(repos, mail))
                // "we wrote to them" in an alert must not stand when the mail was given up (issue 11, SMTPUTF8)
                .onGiveUp((repos, mail, why, now) -> adminAlert.notDelivered(repos, mail, why, now).ifPresent(repos.outbox()::add));
        this.accounts = new AccountService(db, clock, settings.defaultLocale, webhookTargets);
        HelpdeskForward forward = new HelpdeskForward(settings.addresses, messageIds);
        this.caseRejection = new CaseRejection(db, clock, caseTexts, caseStaffTexts, wording);
        this.caseHandover = new CaseHandover(db, clock, caseStaffTexts);
        this.caseActions = new CaseActions(db, clock, links, caseTexts, forward, customerNews, caseRejection);
        this.housekeeping = new CaseHousekeeping(db, clock, caseTexts, caseStaffTexts, care);
        this.inboundQueries = new InboundQueries(db);
        this.quarantine = new QuarantineDesk(db, clock, wake);
        this.audit = new AuditQueries(db);
        this.refusedDeliveries = new RefusedDeliveries(db, clock, adminAlert);
        this.caseQueries = new CaseQueries(db, desks.parser(), desks.verifier());
        this.caseAttachments = new CaseAttachments(db, desks.parser(), clock, settings.maxMessageBytes);
        this.needsMe = new NeedsMe(db, clock);
        this.loginThrottle = new LoginThrottle(db, clock);
        this.staff = new StaffDirectory(db, clock, new PasswordHashes(), loginThrottle);
        this.noticeQueries = new NoticeQueries(db);
        this.accountDesk = new AccountDesk(db, clock, settings.timeZone, care, payments);
        this.noticeApprovals = new NoticeApprovals(db, clock, notices);
    }

    /**
     * Mail held while senders could not be verified (no authserv-id trusted) goes back before the
     * pipeline once they can; a no-op while they still cannot.
     *
     * @return how many messages
     */
    public int decideWhatWaitedForConfiguration() {
        return configured ? db.inTransaction(r -> r.inbound().decideAgain(Route.AWAITING_CONFIGURATION, clock.instant())) : 0;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * What time does: cases expire, digests go out, held notices whose hold ended are checked again, answer
     * tasks of closed cases are done and overdue tasks go to the support lead (once), sign-in failures older than
     * the throttle's window are forgotten.
     */
    public int housekeepingDue() {
        return housekeeping.runDue() + notices.recheckDue() + tasks.runDue() + loginThrottle.forgetOld();
    }
}
