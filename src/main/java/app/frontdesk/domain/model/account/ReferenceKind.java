package app.frontdesk.domain.model.account;

/** Kinds of numbers and names that tie a message to an account. */
public enum ReferenceKind {
    INVOICE, CONTRACT, ACCOUNT_NUMBER, INN, KPP, PHONE, NAME
}
