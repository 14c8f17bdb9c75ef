package app.frontdesk.domain.model.account;

/** How an authorized contact is reached. E-mail now; other channels come with their adapters. */
public enum ContactChannel {
    EMAIL
}
