package app.frontdesk.domain.model.staff;

import java.util.Locale;

/** What a staff member does here; a person may hold several roles. */
public enum StaffRole {
    /** A personal manager: sees and acts on the accounts they look after, nothing else. */
    MANAGER,
    /** Billing: notices, invoices, payments and statement imports of every account. */
    BILLING,
    /** Support lead: every case, flag and task; hands cases over. */
    LEAD,
    /** Administrator: users and everything else. */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StaffRole of(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
