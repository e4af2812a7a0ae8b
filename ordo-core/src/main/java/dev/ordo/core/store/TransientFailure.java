package dev.ordo.core.store;

/**
 * Marks an exception as a transient failure of the infrastructure in the sense of {@link TransientFailures}: for
 * failures of libraries the kernel does not know (a message broker that did not acknowledge in time, for example).
 * Whoever meets one, or an exception caused by one, retries with backoff and does not count it against the message.
 */
public interface TransientFailure {
}
