package dev.ordo.core.deadletter;

import java.util.UUID;

/** A change a letter's status does not allow, such as redriving a letter that is not parked. */
public final class DeadLetterStateException extends IllegalStateException {

    private final UUID letterId;
    private final DeadLetterStatus status;

    /**
     * @param action  what was asked, for example {@code redrive}
     * @param allowed the statuses the action is allowed from, for the message
     */
    public DeadLetterStateException(UUID letterId, DeadLetterStatus status, String action, String allowed) {
        super("cannot " + action + " dead letter " + letterId + ": it is " + status + "; only " + allowed
                + " letters allow that");
        this.letterId = letterId;
        this.status = status;
    }

    public UUID letterId() {
        return letterId;
    }

    /** The letter's status when the change was refused. */
    public DeadLetterStatus status() {
        return status;
    }
}
