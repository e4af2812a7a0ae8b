package dev.ordo.test.contract;

import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaIndex;

/** The in-memory saga index passes the saga index contract. */
class InMemorySagaIndexTests implements SagaIndexContract {

    private final InMemorySagaIndex index = new InMemorySagaIndex();

    @Override
    public SagaIndex index() {
        return index;
    }
}
