package dev.ordo.marketplace.platform.sagas;

import dev.ordo.saga.ParkedCompensation;
import java.util.List;
import java.util.UUID;

/**
 * Where parked compensations are recorded for operators (the saga engine's {@code onParked} listener writes here,
 * the REST API reads and clears it on redrive). A small seam so that a durable dead-letter store can take its place.
 * Implementations are thread-safe.
 */
public interface ParkedCompensations {

    /** Records a compensation that kept failing. */
    void record(ParkedCompensation parked);

    /** Every parked compensation not redriven yet, oldest first. */
    List<ParkedCompensation> list();

    /** Forgets the saga's parked compensations (it was redriven). */
    void resolved(UUID sagaId);
}
