package dev.ordo.marketplace.services;

import dev.ordo.kafka.saga.StepMessageTypes;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import dev.ordo.marketplace.shared.StepContract;
import java.util.Collection;

/** The step messages of a set of published contracts, by their names on the wire, written as the events are. */
final class StepMessages {

    private StepMessages() {
    }

    /** Each contract's payload under its name, and its answer (when it carries one) under {@code <name>.reply}. */
    static StepMessageTypes of(Collection<? extends StepContract<?>> contracts, EventMapper mapper) {
        StepMessageTypes.Builder types = StepMessageTypes.builder().mapper(mapper.json());
        for (StepContract<?> contract : contracts) {
            types.register(contract.name(), contract.type());
            if (contract.replyType() != Void.class) {
                types.register(contract.replyName(), contract.replyType());
            }
        }
        return types.build();
    }
}
