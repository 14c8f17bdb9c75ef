package app.frontdesk.application.instances;

/**
 * Which gateway runs the jobs that must run once however many instances share the database:
 * housekeeping (case expiry, digests, notice re-checks, task escalation) and mailbox polling. One
 * instance leads at a time; when it dies another is elected within 30 s. On an embedded database the
 * one instance leads from the start.
 *
 * <p>A job asks {@link #isLeader()} at each turn; a job with a life of its own (a poller with a
 * connection to keep) registers a {@link Listener} and is started on election and stopped on loss.
 */
public interface Leadership {

    /** Whether this instance leads now. A leader that lost its database session stops leading before anyone else is elected. */
    boolean isLeader();

    /** Told on this instance's election and loss, on the leadership's own thread; told at once if this instance already leads. */
    void addListener(Listener listener);

    /** What this instance is called in logs, metrics and health ({@code FRONTDESK_INSTANCE_ID}). */
    String instanceId();

    /** Start and stop of the jobs that run on the leader only. */
    interface Listener {

        void elected();

        void lost();
    }

    /** The single instance of an embedded database: it always leads. */
    static Leadership alone(String instanceId) {
        return new Leadership() {
            @Override
            public boolean isLeader() {
                return true;
            }

            @Override
            public void addListener(Listener listener) {
                listener.elected();
            }

            @Override
            public String instanceId() {
                return instanceId;
            }
        };
    }
}
