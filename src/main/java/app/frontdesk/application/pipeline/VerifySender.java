package app.frontdesk.application.pipeline;

import app.frontdesk.application.verification.SenderVerifier;

/** Records whether our mail server verified the From domain (see {@link SenderVerifier}). */
public final class VerifySender implements Mailet {

    private final SenderVerifier verifier;

    public VerifySender(SenderVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void service(MailContext mail, String because) {
        mail.verification(verifier.verify(mail.parsed().headers(), mail.sender().orElseThrow().domain()));
    }
}
