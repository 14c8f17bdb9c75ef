package app.frontdesk.application.cases;

import app.frontdesk.application.evidence.AccountFinder;
import app.frontdesk.application.evidence.ClueExtractor;
import app.frontdesk.application.verification.SenderVerifier;
import java.util.List;

/** Everything the pipeline's unknown-sender steps use, wired once (see bootstrap.Gateway). */
public record UnknownSenders(SenderVerifier verifier, ClueExtractor clues, AccountFinder finder, CaseTexts texts, Links links,
                             app.frontdesk.application.care.CareDesk care, List<AuthorizationChannel> channels) {
}
