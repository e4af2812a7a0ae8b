package dev.ordo.marketplace.shared;

import java.util.Objects;

/**
 * A request that a saga sends to a bounded context by message, as published: its name on the wire (stable and
 * versioned, never a class name), its payload type, the participant that answers it (in a service, the participant's
 * command topic carries it) and the type of a successful answer ({@code Void.class} when the answer carries nothing).
 * Both sides of a call use the same constant, so the sender and the participant cannot disagree on a name.
 *
 * @param name        the payload's name on the wire, such as {@code inventory.reserve-order-stock.v1}
 * @param type        the payload's type
 * @param participant the context that answers, such as {@code inventory}
 * @param replyType   what a successful answer carries, named {@code <name>.reply} on the wire
 * @param <P> the payload's type
 */
public record StepContract<P>(String name, Class<P> type, String participant, Class<?> replyType) {

    public StepContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(replyType, "replyType");
    }

    /** A request whose answer carries nothing. */
    public static <P> StepContract<P> of(String name, Class<P> type, String participant) {
        return new StepContract<>(name, type, participant, Void.class);
    }

    /** The name of a successful answer's result on the wire. */
    public String replyName() {
        return name + ".reply";
    }
}
