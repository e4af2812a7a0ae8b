package dev.ordo.marketplace.platform.sagas;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.saga.ParkedCompensation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Parked compensations as dead letters of origin {@code saga-step:<saga type>}, keyed by saga id, in the durable
 * {@link DeadLetterStore}: they survive restarts and show in {@code /dead-letters} with everything else that is
 * parked. The saga engine already retried the compensation, so a letter is parked as soon as it is recorded.
 * Thread-safe.
 */
public final class DeadLetterParkedCompensations implements ParkedCompensations {

    /** The engine retried already: the first record parks. */
    static final DeadLetterPolicy PARK_AT_ONCE = DeadLetterPolicy.builder().maxAttempts(1).build();
    static final String TYPE = "saga.compensation";

    private final DeadLetterStore store;

    public DeadLetterParkedCompensations(DeadLetterStore store) {
        this.store = store;
    }

    @Override
    public void record(ParkedCompensation parked) {
        store.recordFailure(Origin.sagaStep(parked.sagaType()), parked.sagaId().toString(),
                new FailedMessage(parked.invocationId(), TYPE,
                        "{\"sagaId\":\"" + parked.sagaId() + "\",\"step\":\"" + parked.step() + "\"}", null,
                        Map.of("step", parked.step(), "attempts", Integer.toString(parked.attempts()))),
                new Failure("CompensationFailed", parked.error(), parked.stackTrace()), PARK_AT_ONCE);
    }

    @Override
    public List<ParkedCompensation> list() {
        return parkedSagaLetters().stream().map(DeadLetterParkedCompensations::compensation).toList();
    }

    @Override
    public void resolved(UUID sagaId) {
        parkedSagaLetters().stream().filter(letter -> sagaId.toString().equals(letter.key()))
                .forEach(letter -> store.resolve(letter.id(), "saga-engine", "the saga was redriven"));
    }

    private List<DeadLetter> parkedSagaLetters() {
        return store.list(DeadLetterQuery.all().withStatus(DeadLetterStatus.PARKED).page(0, DeadLetterQuery.MAX_LIMIT))
                .stream().filter(letter -> Origin.SAGA_STEP.equals(letter.origin().kind())).toList();
    }

    private static ParkedCompensation compensation(DeadLetter letter) {
        Map<String, String> headers = letter.message().headers();
        return new ParkedCompensation(UUID.fromString(letter.key()), letter.origin().name(), headers.get("step"),
                letter.message().id(), Integer.parseInt(headers.getOrDefault("attempts", "1")),
                letter.failure().message(), letter.failure().stackTrace(), letter.lastFailedAt());
    }
}
