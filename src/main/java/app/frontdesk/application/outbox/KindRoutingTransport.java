package app.frontdesk.application.outbox;

import app.frontdesk.domain.model.outbox.MailKind;
import app.frontdesk.domain.model.outbox.OutboundMail;

/**
 * Sends webhook rows over HTTP and everything else as mail, from one outbox. Each underlying
 * connection opens on first use, so a round of webhooks does not open an SMTP session.
 */
public final class KindRoutingTransport implements MailTransport {

    private final MailTransport mail;
    private final MailTransport webhooks;

    public KindRoutingTransport(MailTransport mail, MailTransport webhooks) {
        this.mail = mail;
        this.webhooks = webhooks;
    }

    @Override
    public Connection open() {
        return new Connection() {
            private Connection mailConnection;
            private Connection webhookConnection;

            @Override
            public void send(OutboundMail m, Bytes bytes) throws Exception {
                if (m.kind() == MailKind.WEBHOOK) {
                    if (webhookConnection == null) {
                        webhookConnection = webhooks.open();
                    }
                    webhookConnection.send(m, bytes);
                } else {
                    if (mailConnection == null) {
                        mailConnection = mail.open();
                    }
                    mailConnection.send(m, bytes);
                }
            }

            @Override
            public void close() {
                if (mailConnection != null) {
                    mailConnection.close();
                }
                if (webhookConnection != null) {
                    webhookConnection.close();
                }
            }
        };
    }

    /** The mail relay is what goes away and comes back; webhooks each have their own target. */
    @Override
    public void probe() throws Exception {
        mail.probe();
    }

    @Override
    public String toString() {
        return mail + " (webhooks over HTTP)";
    }
}
