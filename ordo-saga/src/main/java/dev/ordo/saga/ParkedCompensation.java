package dev.ordo.saga;

import java.time.Instant;
import java.util.UUID;

/**
 * A compensation that kept failing and was parked: the saga waits until an operator redrives it
 * ({@link SagaEngine#redrive}).
 *
 * @param attempts how many times it was tried
 * @param error    the last failure
 */
public record ParkedCompensation(UUID sagaId, String sagaType, String step, String invocationId, int attempts,
                                 String error, String stackTrace, Instant at) {
}
