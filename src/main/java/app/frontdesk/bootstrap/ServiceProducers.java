package app.frontdesk.bootstrap;

import app.frontdesk.application.accountdesk.AccountDesk;
import app.frontdesk.application.accounts.AccountService;
import app.frontdesk.application.audit.AuditQueries;
import app.frontdesk.application.care.CareDesk;
import app.frontdesk.application.care.RecoveryDesk;
import app.frontdesk.application.cases.CaseActions;
import app.frontdesk.application.cases.CaseAttachments;
import app.frontdesk.application.cases.CaseHandover;
import app.frontdesk.application.cases.CaseQueries;
import app.frontdesk.application.cases.CaseRejection;
import app.frontdesk.application.needs.NeedsMe;
import app.frontdesk.application.dunning.ReasonWords;
import app.frontdesk.application.dunning.NoticeApprovals;
import app.frontdesk.application.dunning.NoticeBatches;
import app.frontdesk.application.dunning.NoticeDesk;
import app.frontdesk.application.dunning.NoticeQueries;
import app.frontdesk.application.health.Figures;
import app.frontdesk.application.health.Readiness;
import app.frontdesk.application.instances.Admission;
import app.frontdesk.application.intake.InboundQueries;
import app.frontdesk.application.intake.MessageIntake;
import app.frontdesk.application.intake.QuarantineDesk;
import app.frontdesk.application.payments.PaymentDesk;
import app.frontdesk.application.WebhookTargets;
import app.frontdesk.application.wording.WordingCheck;
import app.frontdesk.application.staff.StaffDirectory;
import app.frontdesk.application.tasks.TaskDesk;
import app.frontdesk.infrastructure.config.Settings;
import app.frontdesk.interfaces.console.ConsoleSettings;
import app.frontdesk.interfaces.rest.ApiTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Hands the application services of the running {@link Gateway} to CDI, so that resources get them
 * injected and never see the wiring. The services are built once by {@link Services} (tests build
 * the same graph without a container); these producers only look them up, per injection.
 */
@ApplicationScoped
public class ServiceProducers {

    @Inject
    GatewayLifecycle lifecycle;

    private Services services() {
        return lifecycle.gateway().services();
    }

    @Produces
    Admission admission() {
        return services().admission;
    }

    @Produces
    Figures figures() {
        return lifecycle.gateway().health();
    }

    @Produces
    MessageIntake intake() {
        return services().intake;
    }

    @Produces
    InboundQueries inboundQueries() {
        return services().inboundQueries;
    }

    @Produces
    AuditQueries audit() {
        return services().audit;
    }

    @Produces
    QuarantineDesk quarantine() {
        return services().quarantine;
    }

    @Produces
    CaseQueries caseQueries() {
        return services().caseQueries;
    }

    @Produces
    CaseAttachments caseAttachments() {
        return services().caseAttachments;
    }

    @Produces
    ReasonWords reasonWords() {
        return services().reasonWords;
    }

    @Produces
    NeedsMe needsMe() {
        return services().needsMe;
    }

    @Produces
    CaseActions caseActions() {
        return services().caseActions;
    }

    @Produces
    CaseRejection caseRejection() {
        return services().caseRejection;
    }

    @Produces
    CaseHandover caseHandover() {
        return services().caseHandover;
    }

    @Produces
    AccountService accounts() {
        return services().accounts;
    }

    @Produces
    CareDesk care() {
        return services().care;
    }

    @Produces
    RecoveryDesk recovery() {
        return services().recovery;
    }

    @Produces
    TaskDesk tasks() {
        return services().tasks;
    }

    @Produces
    PaymentDesk payments() {
        return services().payments;
    }

    @Produces
    NoticeDesk notices() {
        return services().notices;
    }

    @Produces
    NoticeBatches batches() {
        return services().batches;
    }

    @Produces
    NoticeQueries noticeQueries() {
        return services().noticeQueries;
    }

    @Produces
    NoticeApprovals noticeApprovals() {
        return services().noticeApprovals;
    }

    @Produces
    WordingCheck wording() {
        return services().wording;
    }

    @Produces
    WebhookTargets webhookTargets() {
        return services().webhookTargets;
    }

    @Produces
    StaffDirectory staff() {
        return services().staff;
    }

    @Produces
    AccountDesk accountDesk() {
        return services().accountDesk;
    }

    @Produces
    ConsoleSettings consoleSettings() {
        Settings s = lifecycle.gateway().settings();
        return new ConsoleSettings(s.templatesDir, s.addresses.senderName(s.defaultLocale), s.timeZone, s.defaultLocale, services().clock());
    }

    @Produces
    ApiTokens tokens() {
        Gateway g = lifecycle.gateway();
        return new ApiTokens() {
            @Override
            public boolean mayDeliver(String bearer) {
                return g.mtaToken().matches(bearer) || g.adminToken().matches(bearer);
            }

            @Override
            public boolean isAdmin(String bearer) {
                return g.adminToken().matches(bearer);
            }

            @Override
            public void deliveryRefused() {
                g.services().refusedDeliveries.refused();
            }
        };
    }

    /** Before the gateway runs, not ready; afterwards its own report. */
    @Produces
    Readiness readiness() {
        return () -> lifecycle.started() ? lifecycle.gateway().health().readiness() : Readiness.Report.notStarted();
    }
}
