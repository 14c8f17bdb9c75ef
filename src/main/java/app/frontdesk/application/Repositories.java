package app.frontdesk.application;

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

/** The repositories of one transaction: what is written through them commits or rolls back together. */
public interface Repositories {

    AccountRepository accounts();

    InboundRepository inbound();

    OutboxRepository outbox();

    AuditLog audit();

    CaseRepository cases();

    EvidenceIndex evidence();

    BillingRepository billing();

    CareRepository care();

    /** The dunning gate's read of billing, cases and flags together. */
    GateFactsQuery gateFacts();

    /** The people who sign in to the console. */
    StaffRepository staff();

    /** What we promised customers, and who owes it. */
    TaskRepository tasks();

    /** Notices as the console lists them, narrowed to what the viewer may see. */
    NoticeListing noticeListing();

    /** Where IMAP intake stands in each mailbox it reads. */
    MailboxPositionRepository mailboxPositions();
}
