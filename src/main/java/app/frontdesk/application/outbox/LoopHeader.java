package app.frontdesk.application.outbox;

/**
 * The header every mail we send carries. Mail that comes back with it (a helpdesk that forwards
 * to support, an alias loop) is recognised as our own and never processed as a customer's.
 */
public final class LoopHeader {

    public static final String NAME = "X-Frontdesk-Loop";

    private LoopHeader() {
    }
}
