package app.frontdesk.infrastructure.persistence;

import app.frontdesk.domain.model.supportcase.CaseEvent;
import app.frontdesk.domain.model.supportcase.SupportCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.persistence.internal.sessions.UnitOfWorkImpl;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Writes the events a case recorded ({@link SupportCase#eventsToWrite()}) at every flush, before EclipseLink computes
 * what changed, as a cascade from the timeline would, but without loading the timeline: with weaving off, adding to a
 * lazy collection reads all of it, and every later flush of the transaction compares each loaded event again.
 */
final class CaseEventWriter extends SessionEventAdapter {

    @Override
    public void preCalculateUnitOfWorkChangeSet(SessionEvent event) {
        if (!(event.getSession() instanceof UnitOfWorkImpl uow)) {
            return;
        }
        Set<SupportCase> cases = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : uow.getCloneMapping().keySet()) {
            if (o instanceof SupportCase c) {
                cases.add(c);
            }
        }
        if (uow.hasNewObjects()) {
            for (Object o : uow.getNewObjectsCloneToOriginal().keySet()) {
                if (o instanceof SupportCase c) {
                    cases.add(c);
                }
            }
        }
        List<CaseEvent> fresh = new ArrayList<>();
        cases.forEach(c -> fresh.addAll(c.eventsToWrite()));
        // registered after the scan: registering adds to the map scanned above
        fresh.forEach(e -> uow.registerNewObjectForPersist(e, new IdentityHashMap<>()));
    }
}
