package app.frontdesk.application.pipeline;

import app.frontdesk.application.cases.CaseTexts;
import app.frontdesk.application.cases.Links;
import app.frontdesk.application.cases.Throttles;
import app.frontdesk.domain.model.account.Account;
import app.frontdesk.domain.model.supportcase.CaseKind;
import app.frontdesk.domain.model.supportcase.LinkAction;
import app.frontdesk.domain.model.supportcase.SenderThrottle;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts the account's personal manager (the triage address when no account is clear or it has no
 * manager) with everything needed to act: the original attached, the candidates with evidence and
 * confidence, what Frontdesk already sent to whom, the deadline, and links. At most one alert per
 * sender per window (an hour); the messages it holds back go into a digest (see CaseHousekeeping).
 */
public final class AlertManager implements Mailet {

    private final CaseTexts texts;
    private final Links links;

    public AlertManager(CaseTexts texts, Links links) {
        this.texts = texts;
        this.links = links;
    }

    @Override
    public void service(MailContext mail, String because) {
        SupportCase c = mail.supportCase().orElseThrow();
        if (!Throttles.pass(mail.repositories(), c.sender(), SenderThrottle.Kind.ALERT, texts.settings().alertWindow(), c.id(), mail.now())) {
            c.record(mail.now(), "pipeline", "alert-deferred", "message " + mail.message().id() + " goes into the next digest");
            return;
        }
        Optional<Account> account = c.accountId().flatMap(id -> mail.repositories().accounts().find(id));
        String to = account.flatMap(Account::manager).map(m -> m.address().value()).orElse(texts.settings().triage().value());
        String managerName = account.flatMap(Account::manager).map(m -> m.name()).orElse(null);
        Map<Long, String> names = new HashMap<>();
        mail.candidates().ranked().stream().limit(5).forEach(k ->
                mail.repositories().accounts().find(k.accountId()).ifPresent(a -> names.put(a.id(), a.name())));
        String authorize = null;
        String reject = null;
        if (account.isPresent() && c.kind() == CaseKind.UNKNOWN_SENDER && !c.state().isClosed()) {
            authorize = links.issue(mail.repositories(), c, LinkAction.AUTHORIZE, to, mail.message().id());
            reject = links.issue(mail.repositories(), c, LinkAction.REJECT, to, mail.message().id());
        }
        var facts = new CaseTexts.AlertFacts(managerName, account.map(Account::name).orElse(null), mail.candidates().ranked(), names,
                mail.parsed().subject(), excerpt(mail.parsed().text()), mail.verification().evidence(), mail.sent(),
                authorize, reject, c.kind() == CaseKind.UNVERIFIED_CONTACT, links.caseApiUrl(c));
        mail.repositories().outbox().add(texts.managerAlert(c, mail.message(), mail.raw(), to, facts, mail.now()));
        c.record(mail.now(), "pipeline", "manager-alerted", to);
    }

    private static String excerpt(String text) {
        return text.length() <= 1500 ? text.strip() : text.substring(0, 1500).strip() + "\n...";
    }
}
