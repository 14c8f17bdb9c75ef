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

    public String issue(Repositories repos, SupportCase c, LinkAction action, String issuedTo) {
        ActionLink link = new ActionLink(c.id(), action, issuedTo, c.expiresAt());
        repos.cases().add(link);
        return url(signer.sign(link.id(), action, link.expiresAt()));
    }

    public String url(String token) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        return base + PATH + token;
    }

    public String caseApiUrl(SupportCase c) {
        return publicUrl.toString().replaceAll("/+$", "") + "/api/cases/" + c.id();
    }

    public LinkSigner signer() {
        return signer;
    }
}
