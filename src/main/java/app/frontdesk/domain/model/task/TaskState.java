package app.frontdesk.domain.model.task;

/** A task is open until a person (or the event that fulfils it) marks it done. */
public enum TaskState {
    OPEN,
    DONE
}
