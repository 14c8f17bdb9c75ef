package app.frontdesk.application.intake;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.inbound.InboundState;
import app.frontdesk.domain.model.staff.Viewer;
import app.frontdesk.domain.model.outbox.OutboundMail;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** What became of a stored message, read for the API and the console; views are made inside the read's transaction. */
public final class InboundQueries {

    private final Transactions transactions;

    public InboundQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The message and the mails it caused, as {@code view} shows them; empty when there is no such message. */
    public <T> Optional<T> status(long id, BiFunction<InboundMessage, List<OutboundMail>, T> view) {
        return transactions.inTransaction(r -> r.inbound().find(id).map(m -> view.apply(m, r.outbox().causedBy(id))));
    }

    /** Held or quarantined messages the viewer may see, newest first (the narrowing is in the repository's query). */
    public <T> List<T> waitingForPeople(Viewer viewer, Optional<InboundState> state, int limit, java.util.function.Function<InboundMessage, T> view) {
        return transactions.inTransaction(r -> r.inbound().waitingForPeople(viewer, state, limit).stream().map(view).toList());
    }

    /** The bytes exactly as received; empty when there is no such message. */
    public Optional<byte[]> raw(long id) {
        return transactions.inTransaction(r -> r.inbound().find(id).map(m -> r.inbound().rawBytes(id)));
    }
}
