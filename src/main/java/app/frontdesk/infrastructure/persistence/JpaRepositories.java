package app.frontdesk.infrastructure.persistence;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.billing.GateFactsQuery;
import app.frontdesk.domain.model.account.EvidenceIndex;
import app.frontdesk.domain.model.account.AccountRepository;
import app.frontdesk.domain.model.billing.BillingRepository;
import app.frontdesk.domain.model.billing.NoticeListing;
import app.frontdesk.domain.model.care.CareRepository;
import app.frontdesk.domain.model.audit.AuditLog;
import app.frontdesk.domain.model.inbound.InboundRepository;
import app.frontdesk.domain.model.inbound.MailboxPositionRepository;
import app.frontdesk.domain.model.outbox.OutboxRepository;
import app.frontdesk.domain.model.supportcase.CaseRepository;
import app.frontdesk.domain.model.staff.StaffRepository;
import app.frontdesk.domain.model.task.TaskRepository;
import jakarta.persistence.EntityManager;

/** The JPA repositories bound to one EntityManager, hence to one transaction. */
final class JpaRepositories implements Repositories {

    private final JpaAccountRepository accounts;
    private final JpaInboundRepository inbound;
    private final JpaOutboxRepository outbox;
    private final JpaAuditLog audit;
    private final JpaCaseRepository cases;
    private final JpaEvidenceIndex evidence;
    private final JpaBillingRepository billing;
    private final JpaCareRepository care;
    private final SqlGateFacts gateFacts;
    private final JpaStaffRepository staff;
    private final JpaTaskRepository tasks;
    private final JpaNoticeListing noticeListing;
    private final JpaMailboxPositionRepository mailboxPositions;

    JpaRepositories(EntityManager em, boolean postgres, RawFiles rawFiles) {
        this.accounts = new JpaAccountRepository(em);
        this.inbound = new JpaInboundRepository(em, postgres, rawFiles);
        this.outbox = new JpaOutboxRepository(em, postgres);
        this.audit = new JpaAuditLog(em);
        this.cases = new JpaCaseRepository(em, postgres);
        this.evidence = new JpaEvidenceIndex(em);
        this.billing = new JpaBillingRepository(em, postgres);
        this.care = new JpaCareRepository(em);
        this.gateFacts = new SqlGateFacts(em, postgres);
        this.staff = new JpaStaffRepository(em);
        this.tasks = new JpaTaskRepository(em, postgres);
        this.noticeListing = new JpaNoticeListing(em);
        this.mailboxPositions = new JpaMailboxPositionRepository(em);
    }

    @Override
    public AccountRepository accounts() {
        return accounts;
    }

    @Override
    public InboundRepository inbound() {
        return inbound;
    }

    @Override
    public OutboxRepository outbox() {
        return outbox;
    }

    @Override
    public AuditLog audit() {
        return audit;
    }

    @Override
    public CaseRepository cases() {
        return cases;
    }

    @Override
    public EvidenceIndex evidence() {
        return evidence;
    }

    @Override
    public BillingRepository billing() {
        return billing;
    }

    @Override
    public CareRepository care() {
        return care;
    }

    @Override
    public GateFactsQuery gateFacts() {
        return gateFacts;
    }

    @Override
    public StaffRepository staff() {
        return staff;
    }

    @Override
    public TaskRepository tasks() {
        return tasks;
    }

    @Override
    public NoticeListing noticeListing() {
        return noticeListing;
    }

    @Override
    public MailboxPositionRepository mailboxPositions() {
        return mailboxPositions;
    }
}
