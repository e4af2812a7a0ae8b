package dev.ordo.saga;

import dev.ordo.core.saga.SagaSummary;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whoever registered with the engine that a compensation was parked (after logging an alert and counting it)
 * or that a saga finished. A listener that throws is logged and does not keep the others from hearing. Thread-safe.
 */
final class SagaListeners {

    private static final Logger log = LoggerFactory.getLogger(SagaListeners.class);

    private final SagaMetrics metrics;
    private final List<Consumer<ParkedCompensation>> parking;
    private final List<Consumer<SagaSummary>> finishing;

    SagaListeners(SagaMetrics metrics, List<Consumer<ParkedCompensation>> parking,
                  List<Consumer<SagaSummary>> finishing) {
        this.metrics = metrics;
        this.parking = List.copyOf(parking);
        this.finishing = List.copyOf(finishing);
    }

    void parked(ParkedCompensation parked) {
        metrics.saga(parked.sagaType(), "parked");
        log.error("ALERT: compensation of step {} of saga {} ({}) failed {} times and is parked; redrive it once the "
                + "cause is fixed. Last error: {}", parked.step(), parked.sagaId(), parked.sagaType(), parked.attempts(),
                parked.error());
        for (Consumer<ParkedCompensation> listener : parking) {
            try {
                listener.accept(parked);
            } catch (RuntimeException e) {
                log.error("a parking listener failed for saga {}", parked.sagaId(), e);
            }
        }
    }

    void finished(SagaSummary summary) {
        for (Consumer<SagaSummary> listener : finishing) {
            try {
                listener.accept(summary);
            } catch (RuntimeException e) {
                log.warn("a finish listener failed for saga {}", summary.sagaId(), e);
            }
        }
    }
}
