package dev.ordo.test.contract;

import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.InMemoryDeadLetterStore;
import java.time.Clock;

/** The in-memory dead-letter store passes the dead-letter contract. */
class InMemoryDeadLetterStoreTests implements DeadLetterStoreContract {

    @Override
    public DeadLetterStore deadLetters(Clock clock) {
        return new InMemoryDeadLetterStore(clock);
    }
}
