package dev.ordo.core.bus.command;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Lets only one command per key (for example the stream of a command that is no {@link StreamCommand}) run at a time
 * in this JVM, so such commands queue up instead of failing each other with version conflicts; stream commands take
 * turns in the bus itself ({@link SimpleCommandBus.Builder#combineStreamCommands}). Commands without a key pass
 * unlocked.
 *
 * <p>Guarantees: two commands with the same key never run concurrently through this middleware; commands with
 * different keys do not wait for each other; waiters get the lock in arrival order; the lock is released when the
 * inner pipeline returns or throws. A command that dispatches another command with the same key on the same thread
 * re-enters its lock instead of deadlocking. Locks exist only while a command holds or waits for them. This is
 * no substitute for the store's optimistic concurrency across JVMs. Thread-safe; works on virtual threads.
 */
public final class PerKeyLockMiddleware implements CommandMiddleware {

    private final Function<Object, Optional<String>> keyOf;
    private final Duration timeout;
    private final KeyedLocks locks = new KeyedLocks();

    /**
     * @param keyOf   the key of a command, empty when the command needs no lock
     * @param timeout how long a command waits for its key's lock, zero or more
     */
    public PerKeyLockMiddleware(Function<Object, Optional<String>> keyOf, Duration timeout) {
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws LockTimeoutException  when the key's lock was not free within the timeout; the command was not handled
     * @throws CancellationException when the thread was interrupted while waiting; the command was not handled
     */
    @Override
    public Object invoke(CommandMessage message, Chain next) {
        Optional<String> key = Objects.requireNonNull(keyOf.apply(message.command()),
                "keyOf returned null instead of an Optional");
        if (key.isEmpty()) {
            return next.proceed(message);
        }
        return locks.withLock(key.get(), timeout, () -> next.proceed(message));
    }

    /** How many keys have a lock now; 0 when no command holds or waits for one. */
    int lockedKeys() {
        return locks.size();
    }
}
