package app.frontdesk.application.payments;

import app.frontdesk.application.Repositories;

/**
 * Who must know, in the same transaction, that an account's payments or payment evidence changed:
 * the dunning gate re-checks the account's held notices. Payments know nothing of notices; the
 * gate registers itself here (Kill Bill's overdue module listens to payment events the same way).
 */
@FunctionalInterface
public interface PaymentsChanged {

    /**
     * @param cause {@code payment-arrived} or {@code payment-evidence}, recorded with every decision it causes
     */
    void accountChanged(Repositories repos, long accountId, String cause);
}
