package app.frontdesk.testkit;

import app.frontdesk.application.accounts.AccountDraft;
import app.frontdesk.domain.model.staff.StaffRole;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the tests on the in-process {@link GatewayFixture} set up (as {@link Seeds} does for the packaged gateway):
 * the staff they act as, an account with its manager, a case opened by hand. The access tests each had their own
 * copy of the same people and helpers.
 */
public final class FixtureSeeds {

    /** A manager; her accounts are hers to see. */
    public static final Viewer OLGA = new Viewer(1, "olga.smirnova@frontdesk.test", "Ольга", Set.of(StaffRole.MANAGER), Locale.ENGLISH);
    /** Another manager, who must not see Olga's. */
    public static final Viewer BORIS = new Viewer(2, "boris.orlov@frontdesk.test", "Борис", Set.of(StaffRole.MANAGER), Locale.ENGLISH);
    /** The support lead, who sees every case, the unassigned ones too. */
    public static final Viewer LEAD = new Viewer(3, "lead@frontdesk.test", "Lead", Set.of(StaffRole.LEAD), Locale.ENGLISH);
    public static final Viewer BILLING = new Viewer(4, "billing@frontdesk.test", "Billing", Set.of(StaffRole.BILLING), Locale.ENGLISH);

    private FixtureSeeds() {
    }

    /**
     * An account on {@code domain} whose one contact is Анна (anna@domain, Russian), looked after by {@code manager}.
     *
     * @return the account's id
     */
    public static long account(GatewayFixture gw, String name, String domain, String manager) throws Exception {
        return gw.accounts.create(new AccountDraft(name, List.of(domain),
                List.of(new AccountDraft.ContactDraft("anna@" + domain, "Анна", "ru")),
                new AccountDraft.ManagerDraft("Manager of " + name, manager), List.of()), "test");
    }

    /** An open unknown-sender case made by hand, without a message: of {@code account} (70% sure), or of none (null). */
    public static long openCase(GatewayFixture gw, String sender, Long account) {
        return gw.db.inTransaction(r -> {
            SupportCase c = new SupportCase(CaseKind.UNKNOWN_SENDER, sender, null, account, account == null ? 0 : 70, "test",
                    Locale.ENGLISH, gw.clock.instant(), gw.clock.instant().plus(Duration.ofHours(4)), gw.clock.instant().plus(Duration.ofDays(7)));
            r.cases().add(c);
            return c.id();
        });
    }
}
