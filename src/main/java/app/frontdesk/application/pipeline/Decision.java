package app.frontdesk.application.pipeline;

import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.inbound.Route;

/** The route a step chose for a message, with its reason in words. Recorded on the message as data. */
public record Decision(Route route, InboundState state, Long accountId, String reason, String step) {
}
