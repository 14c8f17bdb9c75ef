package app.frontdesk.application;

import app.frontdesk.domain.model.account.EmailAddress;
import java.util.Objects;

/**
 * The gateway's own addresses.
 *
 * @param frontdesk the address Frontdesk sends from (and receives bounces at)
 * @param helpdesk  where known senders' mail is passed on
 * @param admin     who is alerted when a message is quarantined
 * @param company   the company's name, which signs what customers read (FRONTDESK_COMPANY_NAME); null: unnamed
 */
public record MailAddresses(EmailAddress frontdesk, EmailAddress helpdesk, EmailAddress admin, String company) {

    public MailAddresses {
        Objects.requireNonNull(frontdesk);
        Objects.requireNonNull(helpdesk);
        Objects.requireNonNull(admin);
        company = company == null || company.isBlank() ? null : company.strip();
    }

    public MailAddresses(EmailAddress frontdesk, EmailAddress helpdesk, EmailAddress admin) {
        this(frontdesk, helpdesk, admin, null);
    }

    /** The display name of our From in customers' mail: the company's, never the product's. */
    public String senderName(java.util.Locale lang) {
        return company != null ? company : lang.getLanguage().equals("ru") ? "Служба поддержки" : "Customer support";
    }
}
