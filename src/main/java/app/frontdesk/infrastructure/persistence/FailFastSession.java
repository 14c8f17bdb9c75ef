package app.frontdesk.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * No query retries inside EclipseLink: when the database is away, intake must answer 503 within
 * seconds so that the mail server keeps the message and retries, instead of hanging through
 * EclipseLink's three reconnect attempts (measured: over 90 s with a 10 s pool timeout).
 * Retrying is the job of the mail server and of the workers, which back off.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
        session.getEventManager().addListener(new CaseEventWriter());
    }
}
