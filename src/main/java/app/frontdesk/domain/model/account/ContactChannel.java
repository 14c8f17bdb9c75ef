package app.frontdesk.domain.model.account;

/** How an authorized contact is asked to act (authorize a colleague): by mail, or by a signed JSON webhook. */
public enum ContactChannel {
    EMAIL,
    WEBHOOK
}
