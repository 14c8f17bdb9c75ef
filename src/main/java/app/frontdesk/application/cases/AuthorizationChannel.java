package app.frontdesk.application.cases;

import app.frontdesk.domain.model.account.ContactChannel;
import app.frontdesk.domain.model.outbox.OutboundMail;

/**
 * How an authorized contact is asked to authorize a colleague. Every channel writes into the outbox,
 * in the decision's transaction, so asking is as durable as deciding.
 */
public interface AuthorizationChannel {

    ContactChannel kind();

    OutboundMail compose(AuthorizationRequest request);
}
