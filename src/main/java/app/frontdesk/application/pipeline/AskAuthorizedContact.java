package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.AuthorizationChannel;
import app.frontdesk.application.cases.AuthorizationRequest;
import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.cases.Links;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.account.Contact;
import app.frontdesk.domain.model.account.ContactChannel;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.LinkAction;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes through the account's authorized channel. For a stranger: who wrote, what, and what tied it
 * to the account, with "authorize this address" and "this was not us". For mail in a contact's own
 * name that failed verification: to that contact, "was it you?". Links are signed and single-use.
 */
public final class AskAuthorizedContact implements Mailet {

    private final CaseTexts texts;
    private final Links links;
    private final Map<ContactChannel, AuthorizationChannel> channels = new EnumMap<>(ContactChannel.class);

    public AskAuthorizedContact(CaseTexts texts, Links links, List<AuthorizationChannel> channels) {
        this.texts = texts;
        this.links = links;
        channels.forEach(ch -> this.channels.put(ch.kind(), ch));
    }

    @Override
    public void service(MailContext mail, String because) {
        SupportCase c = mail.supportCase().orElseThrow();
        Account account = mail.repositories().accounts().find(c.accountId().orElseThrow()).orElseThrow();
        List<Contact> to = c.kind() == CaseKind.UNVERIFIED_CONTACT
                ? account.contacts().stream().filter(k -> k.address().value().equals(c.sender())).toList()
                : account.contacts();
        if (to.isEmpty()) {
            c.record(mail.now(), "pipeline", CaseNeedsAuthorizedContact.ASKED, "account " + account.id() + " has no authorized contact to ask");
            return;
        }
        String subject = mail.parsed().subject();
        boolean redFlag = !mail.repositories().care().flagged(List.of(account.id())).isEmpty();
        for (Contact contact : to) {
            String who = contact.address().value();
            if (c.kind() == CaseKind.UNVERIFIED_CONTACT) {
                mail.repositories().outbox().add(texts.unverifiedWarning(c, account, contact, mail.message(), subject,
                        mail.verification().evidence(), links.issue(mail.repositories(), c, LinkAction.CONFIRM, who, mail.message().id()),
                        links.issue(mail.repositories(), c, LinkAction.REJECT, who, mail.message().id()), redFlag, mail.now()));
                mail.sent("warning about mail in their name to " + who);
            } else {
                AuthorizationChannel channel = channels.get(contact.channel());
                if (channel == null) {
                    throw new IllegalStateException("no adapter for channel " + contact.channel() + " of contact " + contact.id());
                }
                mail.repositories().outbox().add(channel.compose(new AuthorizationRequest(c, account, contact, mail.message(), subject,
                        mail.parsed().text(), mail.candidates().clear().map(k -> k.evidence()).orElse(List.of()),
                        links.issue(mail.repositories(), c, LinkAction.AUTHORIZE, who, mail.message().id()),
                        links.issue(mail.repositories(), c, LinkAction.REJECT, who, mail.message().id()), redFlag, mail.now())));
                mail.sent("authorization request to " + who + (contact.channel() == ContactChannel.EMAIL ? "" : " via " + contact.webhookUrl().orElse("")));
            }
        }
        c.awaitAuthorization(mail.now());
        c.record(mail.now(), "pipeline", CaseNeedsAuthorizedContact.ASKED,
                to.stream().map(k -> k.address().value()).toList() + " asked through their channel");
    }
}
