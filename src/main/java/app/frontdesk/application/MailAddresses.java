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

    /**
     * Local parts of addresses that no person reads: mail systems (RFC 2142), list managers, and
     * no-reply senders, to whom an answer is pointless by their own declaration.
     */
    private static final java.util.regex.Pattern SYSTEM_SENDER = java.util.regex.Pattern.compile(
            "^(mailer-daemon|mailerdaemon|mail-daemon|postmaster|post_master|double-bounce|bounces?|"
                    + "no-?reply|do-?not-?reply|noreply-dmarc-support|owner-.+|.+-(owner|request|bounces|admin))([+].*)?$");
    /**
     * An address no person reads (a mail system, a list manager, a no-reply sender): never answered, by the pipeline
     * (IsAutomatic) nor by a person's reply from the console.
     */
    public static boolean isSystemAddress(String address) {
        if (address == null) {
            return false;
        }
        String a = address.strip().toLowerCase(java.util.Locale.ROOT);
        int at = a.indexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        return SYSTEM_SENDER.matcher(local.replace("<", "")).matches();
    }

    /** The display name of our From in customers' mail: the company's, never the product's. */
    public String senderName(java.util.Locale lang) {
        return company != null ? company : lang.getLanguage().equals("ru") ? "Служба поддержки" : "Customer support";
    }
}
