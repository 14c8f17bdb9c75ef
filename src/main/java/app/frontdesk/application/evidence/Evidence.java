package app.frontdesk.application.evidence;

/**
 * One fact that ties a message to an account, with how much it counts.
 *
 * @param kind   what was found: domain, invoice, contract, account-number, inn, kpp, phone, name, reply-to-our-mail
 * @param value  the value as normalized (the number, the domain ...)
 * @param weight how likely it alone makes the account right, 0 to 1
 */
public record Evidence(String kind, String value, double weight) {

    public String describe() {
        return kind + " " + value;
    }
}
