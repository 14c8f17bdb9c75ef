package app.frontdesk.application.cases;

import app.frontdesk.application.Repositories;
import app.frontdesk.domain.model.supportcase.ActionLink;
import app.frontdesk.domain.model.supportcase.LinkAction;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.net.URI;

/** Issues one-click links: a row that makes the link single-use, and a signed URL that points at it. */
public final class Links {

    public static final String PATH = "/api/links/";

    private final LinkSigner signer;
    private final URI publicUrl;

    public Links(LinkSigner signer, URI publicUrl) {
        this.signer = signer;
        this.publicUrl = publicUrl;
    }

    /** A link about message {@code inboundId} of the case: pressing it releases that message and no other. */
    public String issue(Repositories repos, SupportCase c, LinkAction action, String issuedTo, long inboundId) {
        ActionLink link = new ActionLink(c.id(), action, issuedTo, c.expiresAt(), inboundId);
        repos.cases().add(link);
        return url(signer.sign(link.id(), action, link.expiresAt()));
    }

    public String url(String token) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return base + PATH + token;
    }

    public LinkSigner signer() {
        return signer;
    }
}
