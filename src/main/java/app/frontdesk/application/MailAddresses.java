package app.frontdesk.application;

import app.frontdesk.domain.model.account.EmailAddress;
import java.util.Objects;

/**
 * The gateway's own addresses.
 *
 * @param frontdesk the address Frontdesk sends from (and receives bounces at)
 * @param helpdesk  where known senders' mail is passed on
 * @param admin     who is alerted when a message is quarantined
 */
public record MailAddresses(EmailAddress frontdesk, EmailAddress helpdesk, EmailAddress admin) {

    public MailAddresses {
        Objects.requireNonNull(frontdesk);
        Objects.requireNonNull(helpdesk);
        Objects.requireNonNull(admin);
    }
}
