package app.frontdesk.domain.model.staff;

import java.util.Locale;
import java.util.Set;

/**
 * The signed-in person a query is made for. Every console read and action takes one, and the
 * repositories narrow their SQL by it: a manager's query only ever returns rows of accounts whose
 * personal manager has the manager's address.
 */
public record Viewer(long userId, String email, String displayName, Set<StaffRole> roles, Locale locale) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    /** Leads and administrators see every case and account; billing sees every account's billing. */
    public boolean seesAllCases() {
        return roles.contains(StaffRole.LEAD) || roles.contains(StaffRole.ADMIN);
    }

    public boolean seesAllBilling() {
        return seesAllCases() || roles.contains(StaffRole.BILLING);
    }

    public boolean is(StaffRole role) {
        return roles.contains(role);
    }

    /** The address whose accounts this viewer looks after, when they see only their own. */
    public String managerAddress() {
        return email;
    }
}
