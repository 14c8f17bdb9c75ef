package app.frontdesk.infrastructure.config;

import java.util.Optional;

/**
 * One IMAP mailbox Frontdesk reads. The secret (a password, or the command that prints an OAuth2 access
 * token) is never part of {@link #toString()}, so that no log line or error message can carry it.
 *
 * @param name         the mailbox's name in the configuration: metrics, health and its stored position use it
 * @param security     {@code tls} (implicit TLS, port 993), {@code starttls}, or {@code none} (loopback only)
 * @param tokenCommand a shell command whose first output line is an OAuth2 access token (XOAUTH2); run at each connect
 * @param recipient    the address mail to this mailbox was sent to, recorded as the envelope recipient
 */
public record ImapMailboxSettings(String name, String host, int port, String security, String user, Optional<String> password,
                                  Optional<String> tokenCommand, String folder, String doneFolder, String recipient) {

    public boolean oauth2() {
        return tokenCommand.isPresent();
    }

    /** Where the mailbox is and who reads it, without the secret. */
    @Override
    public String toString() {
        return name + " (" + user + " at " + host + ":" + port + " " + security + (oauth2() ? ", XOAUTH2" : "") + ", "
                + folder + " -> " + doneFolder + ")";
    }
}
