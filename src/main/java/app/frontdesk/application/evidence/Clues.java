package app.frontdesk.application.evidence;

import app.frontdesk.domain.model.account.ReferenceKind;
import java.util.Map;
import java.util.Set;

/**
 * What a message offers to look up, already normalized: the sender's domain (unless it is a public
 * mail service), numbers and names by kind, and the Message-IDs it answers.
 */
public record Clues(String senderDomain, Map<ReferenceKind, Set<String>> references, Set<String> repliedTo) {

    public Clues {
        references = Map.copyOf(references);
        repliedTo = Set.copyOf(repliedTo);
    }

    public boolean isEmpty() {
        return senderDomain == null && references.values().stream().allMatch(Set::isEmpty) && repliedTo.isEmpty();
    }
}
