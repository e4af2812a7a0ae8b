package dev.ordo.core.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * A saga as the index lists it.
 *
 * @param wakeAt    when the saga must be looked at again (the earliest reply deadline), or {@code null}
 * @param failure   why it is compensating or parked, or {@code null}
 */
public record SagaSummary(UUID sagaId, String type, SagaStatus status, Instant wakeAt, String failure,
                          Instant updatedAt) {
}
