package dev.ordo.core.command;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.Snapshot;
import dev.ordo.core.snapshot.SnapshotPolicy;
import dev.ordo.core.snapshot.SnapshotStore;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.store.AppendResult;
import dev.ordo.core.store.EventStore;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.store.WrongExpectedVersionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles commands on event-sourced streams: load the state (latest valid snapshot plus later events), let the
 * decider decide, and append the new events at exactly the loaded version.
 *
 * <p>Guarantees: the events are appended only if nobody else appended to the stream since it was loaded. On a
 * {@link WrongExpectedVersionException} the command is decided again on a fresh load when it was declared safe
 * to retry, up to the configured number of attempts; otherwise the exception reaches the caller. Domain
 * exceptions from the decider reach the caller unchanged and nothing is written. A snapshot is stored by
 * policy after a successful append; a failure to store it is logged and does not fail the command.
 * Thread-safe.
 *
 * @param <C> the command type
 * @param <S> the state type
 * @param <E> the event type
 */
public final class CommandHandler<C, S, E> {

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    private final Decider<C, S, E> decider;
    private final EventStore store;
    private final EventSerializer serializer;
    private final StateLoader<S, E> loader;
    private final SnapshotStore snapshots;
    private final StateCodec<S> codec;
    private final SnapshotPolicy snapshotPolicy;
    private final Predicate<? super C> retryable;
    private final int maxAttempts;
    private final Clock clock;

    private CommandHandler(Builder<C, S, E> builder) {
        this.decider = builder.decider;
        this.store = builder.store;
        this.serializer = builder.serializer;
        this.snapshots = builder.snapshots;
        this.codec = builder.codec;
        this.snapshotPolicy = builder.snapshotPolicy;
        this.retryable = builder.retryable;
        this.maxAttempts = builder.maxAttempts;
        this.clock = builder.clock;
        this.loader = new StateLoader<>(decider, store, serializer, builder.eventType, snapshots, codec,
                builder.cachedStreams == 0 ? null : new StateCache<>(builder.cachedStreams));
    }

    public static <C, S, E> Builder<C, S, E> builder(Decider<C, S, E> decider, Class<E> eventType, EventStore store,
                                                     EventSerializer serializer) {
        return new Builder<>(decider, eventType, store, serializer);
    }

    /**
     * Handles a command against the stream's current version.
     *
     * @throws WrongExpectedVersionException when another writer won and the command is not retryable (or retries
     *                                       ran out)
     * @throws RuntimeException              the decider's domain exception when the command breaks a rule
     */
    public CommandResult<S, E> handle(StreamId stream, C command, EventMetadata metadata) {
        return run(stream, List.of(new Submission<>(command, metadata)), null).getFirst().orThrow();
    }

    /**
     * Handles a command only if the stream is at the version the caller saw (optimistic concurrency from the
     * outside, such as an HTTP {@code If-Match}). Never retried.
     *
     * @throws WrongExpectedVersionException when the stream is not at {@code expectedVersion}
     */
    public CommandResult<S, E> handle(StreamId stream, C command, EventMetadata metadata, long expectedVersion) {
        return run(stream, List.of(new Submission<>(command, metadata)), expectedVersion).getFirst().orThrow();
    }

    /**
     * Handles several commands on one stream with one load and one append: each command is decided, in order, on the
     * state the commands before it left, and the events of all of them are appended together at the loaded version,
     * so either all of them are stored or none. This is what lets commands queued behind each other on a hot stream
     * cost one round trip to the store instead of one each.
     *
     * <p>Each command gets the outcome {@link #handle(StreamId, Object, EventMetadata)} would have given it, had the
     * commands been handled one after the other: a domain refusal is that command's alone and the others go on; a
     * version conflict decides the retryable commands again on a fresh load (up to the configured attempts) and
     * refuses the others with the conflict; a failed append refuses every command whose outcome depended on it with
     * the store's exception (which states whether anything may have been written). A command refused, or deciding
     * nothing, before any command of its round produced events depended on the loaded state only and keeps its
     * outcome whatever the append does.
     *
     * @param submissions the commands in the order they are to be decided; not empty
     * @return one outcome per submission, in the same order
     */
    public List<BatchOutcome<S, E>> handleAll(StreamId stream, List<? extends Submission<? extends C>> submissions) {
        if (submissions.isEmpty()) {
            throw new IllegalArgumentException("no commands to handle on " + stream);
        }
        return run(stream, submissions, null);
    }

    /** The stream's current state. */
    public Loaded<S> load(StreamId stream) {
        return loader.load(stream);
    }

    /** The stream's state right after the event with the given version; empty when it never reached it. */
    public Optional<Loaded<S>> loadAt(StreamId stream, long version) {
        return loader.loadAt(stream, version);
    }

    private List<BatchOutcome<S, E>> run(StreamId stream, List<? extends Submission<? extends C>> submissions,
                                         Long expectedVersion) {
        List<BatchOutcome<S, E>> outcomes = new ArrayList<>(Collections.nCopies(submissions.size(), null));
        List<Integer> open = IntStream.range(0, submissions.size()).boxed().toList();
        int attempts = 0;
        while (!open.isEmpty()) {
            attempts++;
            Loaded<S> loaded = loader.load(stream);
            if (expectedVersion != null && loaded.version() != expectedVersion) {
                refuseAll(open, outcomes, new WrongExpectedVersionException(stream,
                        ExpectedVersion.exact(expectedVersion), loaded.version()));
                break;
            }
            DecidedRound<S, E> round = DecidedRound.decide(decider, serializer, loaded, submissions, open);
            if (round.data().isEmpty()) {
                round.settle(outcomes, null, attempts);
                break;
            }
            ExpectedVersion expected = loaded.version() == 0 ? ExpectedVersion.noStream()
                    : ExpectedVersion.exact(loaded.version());
            AppendResult appended;
            try {
                appended = store.append(stream, expected, round.data());
            } catch (WrongExpectedVersionException conflict) {
                boolean retry = expectedVersion == null && attempts < maxAttempts;
                open = round.settleConflict(outcomes, conflict, attempts,
                        index -> retry && retryable.test(submissions.get(index).command()));
                if (!open.isEmpty()) {
                    log.debug("conflict on {} (attempt {} of {}), deciding {} command(s) again from a fresh load",
                            stream, attempts, maxAttempts, open.size());
                }
                continue;
            } catch (RuntimeException failure) {
                round.settleFailure(outcomes, failure, attempts);
                break;
            }
            int newEvents = round.data().size();
            boolean snapshotted = maybeSnapshot(loaded, round.state(), appended, newEvents);
            loader.remember(new Loaded<>(stream, round.state(), appended.streamVersion(),
                    snapshotted ? 0 : loaded.eventsRead() + newEvents, snapshotted || loaded.fromSnapshot()));
            round.settle(outcomes, appended, attempts);
            break;
        }
        return outcomes;
    }

    private static <S, E> void refuseAll(List<Integer> open, List<BatchOutcome<S, E>> outcomes,
                                         RuntimeException reason) {
        open.forEach(index -> outcomes.set(index, new BatchOutcome.Refused<>(reason)));
    }

    /** Stores a snapshot when the policy says so; true when one was stored. */
    private boolean maybeSnapshot(Loaded<S> loaded, S state, AppendResult appended, int newEvents) {
        if (snapshots == null || !snapshotPolicy.shouldSnapshot(loaded.eventsRead() + newEvents)) {
            return false;
        }
        try {
            snapshots.save(new Snapshot(loaded.streamId(), appended.streamVersion(), codec.schemaVersion(),
                    codec.encode(state), clock.instant()));
            return true;
        } catch (RuntimeException e) {
            log.warn("could not store a snapshot of {} at version {}; the next load reads more events",
                    loaded.streamId(), appended.streamVersion(), e);
            return false;
        }
    }

    /** Configures a {@link CommandHandler}; not thread-safe. */
    public static final class Builder<C, S, E> {

        private final Decider<C, S, E> decider;
        private final Class<E> eventType;
        private final EventStore store;
        private final EventSerializer serializer;
        private SnapshotStore snapshots;
        private StateCodec<S> codec;
        private SnapshotPolicy snapshotPolicy = SnapshotPolicy.never();
        private Predicate<? super C> retryable = command -> false;
        private int maxAttempts = 1;
        private Clock clock = Clock.systemUTC();
        private int cachedStreams;

        private Builder(Decider<C, S, E> decider, Class<E> eventType, EventStore store, EventSerializer serializer) {
            this.decider = Objects.requireNonNull(decider, "decider");
            this.eventType = Objects.requireNonNull(eventType, "eventType");
            this.store = Objects.requireNonNull(store, "store");
            this.serializer = Objects.requireNonNull(serializer, "serializer");
        }

        /** Stores snapshots with the codec whenever the policy says so, and loads from them. */
        public Builder<C, S, E> snapshots(SnapshotStore store, StateCodec<S> codec, SnapshotPolicy policy) {
            this.snapshots = Objects.requireNonNull(store, "store");
            this.codec = Objects.requireNonNull(codec, "codec");
            this.snapshotPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Decides commands that match {@code retryable} again on a fresh load after a version conflict.
         *
         * @param maxAttempts total attempts, at least 1
         */
        public Builder<C, S, E> retryOnConflict(Predicate<? super C> retryable, int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.retryable = Objects.requireNonNull(retryable, "retryable");
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Remembers the folded state of up to {@code maxStreams} recently used streams, so that a command on a hot
         * stream folds only the events appended since its last load (usually none, as this handler remembers its own
         * appends) rather than decoding a snapshot and folding the events after it. Each load still reads the
         * stream's head, so writers in other processes are seen; a remembered state is dropped when the stream is
         * truncated, deleted or not at least at its version. The state type must be immutable. Off by default.
         *
         * @param maxStreams the most streams remembered, at least 1
         */
        public Builder<C, S, E> cacheStates(int maxStreams) {
            if (maxStreams < 1) {
                throw new IllegalArgumentException("maxStreams must be at least 1, was " + maxStreams);
            }
            this.cachedStreams = maxStreams;
            return this;
        }

        /** The clock that stamps snapshots. */
        public Builder<C, S, E> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CommandHandler<C, S, E> build() {
            return new CommandHandler<>(this);
        }
    }
}
