package app.frontdesk.application.cases;

import app.frontdesk.application.Transactions;
import app.frontdesk.domain.model.inbound.InboundMessage;
import app.frontdesk.domain.model.outbox.OutboundMail;
import app.frontdesk.domain.model.supportcase.ActionLink;
import app.frontdesk.domain.model.supportcase.CaseState;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Cases read for the API and the console; views are made inside the read's transaction. */
public final class CaseQueries {

    /** How a caller shows one case with what belongs to it. */
    @FunctionalInterface
    public interface DetailView<T> {
        T of(SupportCase c, List<InboundMessage> messages, List<OutboundMail> sent, List<ActionLink> links);
    }

    private final Transactions transactions;

    public CaseQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Newest first, at most {@code limit}, in one state or all. */
    public <T> List<T> list(Optional<CaseState> state, int limit, Function<SupportCase, T> view) {
        return transactions.inTransaction(r -> r.cases().list(state, limit).stream().map(view).toList());
    }

    public <T> Optional<T> detail(long id, DetailView<T> view) {
        return transactions.inTransaction(r -> r.cases().find(id)
                .map(c -> view.of(c, r.inbound().inCase(id), r.outbox().ofCase(id), r.cases().links(id))));
    }
}
