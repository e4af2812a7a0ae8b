package dev.ordo.core.bus.command;

import dev.ordo.core.command.BatchOutcome;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.CommandResult;
import dev.ordo.core.command.Submission;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.StreamId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Commands on one stream take turns, and whoever gets the stream's turn decides every command queued for it by then
 * with one load and one append ({@link CommandHandler#handleAll}): on a hot stream, N waiting commands cost one round
 * trip to the store instead of N.
 *
 * <p>Guarantees: commands on one stream never run concurrently in this JVM and are decided in arrival order; each
 * caller gets its own command's result or exception, exactly as if its command had been handled alone after the
 * ones before it; a command whose turn did not come within the timeout, or whose thread was interrupted before its
 * turn, was not handled ({@link LockTimeoutException}, {@link java.util.concurrent.CancellationException}; an
 * interrupt that arrives just as the turn comes may be seen only after the command was handled); once another caller
 * has taken a command into its batch, its own caller waits for the outcome whatever happens, since only the append
 * decides it. Commands with an expected version are handled alone in their turn. Thread-safe.
 */
final class CombinedStreamCommands {

    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;

    /** A command waiting for its stream's turn. */
    private static final class Pending {
        private final CommandHandler<Object, ?, ?> handler;
        private final Submission<Object> submission;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final CompletableFuture<CommandResult<?, ?>> outcome = new CompletableFuture<>();

        Pending(CommandHandler<Object, ?, ?> handler, Object command, EventMetadata metadata) {
            this.handler = handler;
            this.submission = new Submission<>(command, metadata);
        }
    }

    private final KeyedLocks locks = new KeyedLocks();
    private final int maxBatch;
    private final Duration timeout;

    /**
     * @param maxBatch the most commands decided in one turn, at least 1
     * @param timeout  how long a command waits for its stream's turn, zero or more
     */
    CombinedStreamCommands(int maxBatch, Duration timeout) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        this.maxBatch = maxBatch;
        this.timeout = timeout;
    }

    /** Handles the command in its stream's turn, together with the others queued by then. */
    CommandResult<?, ?> handle(CommandHandler<Object, ?, ?> handler, StreamId stream, Object command,
                               EventMetadata metadata) {
        Pending pending = new Pending(handler, command, metadata);
        return locks.withEntry(stream.value(), entry -> {
            entry.queue().add(pending);
            ReentrantLock lock = entry.lock();
            try {
                if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    if (pending.state.compareAndSet(WAITING, WITHDRAWN)) {
                        throw new LockTimeoutException(stream.value(), timeout);
                    }
                    return outcomeOf(pending);
                }
            } catch (InterruptedException e) {
                if (pending.state.compareAndSet(WAITING, WITHDRAWN)) {
                    throw KeyedLocks.interrupted(stream.value(), e);
                }
                Thread.currentThread().interrupt();
                return outcomeOf(pending);
            }
            try {
                while (!pending.outcome.isDone()) {
                    decideQueued(stream, entry.queue());
                }
            } finally {
                lock.unlock();
            }
            return outcomeOf(pending);
        });
    }

    /** Handles a command that must find its stream at a version, alone, in the stream's turn. */
    CommandResult<?, ?> handleAt(CommandHandler<Object, ?, ?> handler, StreamId stream, Object command,
                                 EventMetadata metadata, long expectedVersion) {
        return locks.withLock(stream.value(), timeout,
                () -> handler.handle(stream, command, metadata, expectedVersion));
    }

    /**
     * Takes the commands at the head of the queue that go to the same handler (at most {@link #maxBatch}) and
     * settles each of them; called only while holding the stream's lock.
     */
    private void decideQueued(StreamId stream, Queue<Object> queue) {
        List<Pending> batch = new ArrayList<>();
        while (batch.size() < maxBatch && queue.peek() instanceof Pending next
                && (batch.isEmpty() || next.handler == batch.getFirst().handler)) {
            queue.poll();
            if (next.state.compareAndSet(WAITING, TAKEN)) {
                batch.add(next);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<? extends BatchOutcome<?, ?>> outcomes = batch.getFirst().handler.handleAll(stream,
                    batch.stream().map(p -> p.submission).toList());
            for (int i = 0; i < batch.size(); i++) {
                settle(batch.get(i), outcomes.get(i));
            }
        } catch (RuntimeException | Error failure) {
            batch.forEach(p -> p.outcome.completeExceptionally(failure));
            if (failure instanceof Error) {
                throw failure;
            }
        }
    }

    private static void settle(Pending pending, BatchOutcome<?, ?> outcome) {
        switch (outcome) {
            case BatchOutcome.Handled<?, ?> handled -> pending.outcome.complete(handled.result());
            case BatchOutcome.Refused<?, ?> refused -> pending.outcome.completeExceptionally(refused.reason());
        }
    }

    /** The command's result, or its exception thrown unchanged; waits, without giving up, for it to be settled. */
    private static CommandResult<?, ?> outcomeOf(Pending pending) {
        try {
            return pending.outcome.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
