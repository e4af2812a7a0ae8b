package dev.ordo.core.command;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.AppendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * One pass of {@link CommandHandler#handleAll}: the open commands decided in order on one loaded state, the events
 * they produced encoded for one append, and how each command's outcome follows from what the append does. Not
 * thread-safe; lives for one pass.
 */
final class DecidedRound<S, E> {

    /**
     * One command's decision.
     *
     * @param index        the command's place among the submissions
     * @param events       what it produced (empty when refused or when it changed nothing)
     * @param stateAfter   the state after its events
     * @param versionAfter the stream version after its events
     * @param offset       how many events of the round came before its own
     * @param refusal      the decider's exception, null when the command was decided
     */
    private record Decision<S, E>(int index, List<E> events, S stateAfter, long versionAfter, int offset,
                                  RuntimeException refusal) {

        /** Refused or changing nothing on the loaded state itself: the append cannot change its outcome. */
        boolean standsAlone() {
            return offset == 0 && events.isEmpty();
        }

        BatchOutcome<S, E> outcome(StreamId stream, AppendResult appended, int attempts) {
            if (refusal != null) {
                return new BatchOutcome.Refused<>(refusal);
            }
            Optional<AppendResult> own = events.isEmpty() ? Optional.empty() : Optional.of(new AppendResult(
                    versionAfter, appended.firstPosition() + offset, appended.firstPosition() + offset + events.size() - 1));
            return new BatchOutcome.Handled<>(new CommandResult<>(stream, stateAfter, versionAfter, events, own,
                    attempts));
        }
    }

    private final StreamId stream;
    private final List<Decision<S, E>> decisions;
    private final List<EventData> data;
    private final S state;

    private DecidedRound(StreamId stream, List<Decision<S, E>> decisions, List<EventData> data, S state) {
        this.stream = stream;
        this.decisions = decisions;
        this.data = data;
        this.state = state;
    }

    /** Decides the open submissions in order, each on the state the ones before it left. */
    static <C, S, E> DecidedRound<S, E> decide(Decider<C, S, E> decider, EventSerializer serializer, Loaded<S> loaded,
                                               List<? extends Submission<? extends C>> submissions,
                                               List<Integer> open) {
        S state = loaded.state();
        long version = loaded.version();
        List<Decision<S, E>> decisions = new ArrayList<>(open.size());
        List<EventData> data = new ArrayList<>();
        for (int index : open) {
            Submission<? extends C> submission = submissions.get(index);
            List<E> events;
            List<EventData> encoded = new ArrayList<>();
            try {
                events = List.copyOf(Objects.requireNonNull(decider.decide(submission.command(), state),
                        "decide returned null"));
                for (E event : events) {
                    encoded.add(serializer.serialize(event, submission.metadata()));
                }
            } catch (RuntimeException refusal) {
                decisions.add(new Decision<>(index, List.of(), state, version, data.size(), refusal));
                continue;
            }
            int offset = data.size();
            if (!events.isEmpty()) {
                state = decider.fold(state, events);
                version += events.size();
                data.addAll(encoded);
            }
            decisions.add(new Decision<>(index, events, state, version, offset, null));
        }
        return new DecidedRound<>(loaded.streamId(), decisions, data, state);
    }

    /** The events of the whole round, for one append. */
    List<EventData> data() {
        return data;
    }

    /** The state after every event of the round. */
    S state() {
        return state;
    }

    /** The append stored the round's events (or there were none, {@code appended} null): every command is settled. */
    void settle(List<BatchOutcome<S, E>> outcomes, AppendResult appended, int attempts) {
        decisions.forEach(d -> outcomes.set(d.index(), d.outcome(stream, appended, attempts)));
    }

    /**
     * The append failed for another reason than a conflict: the commands that depended on it are refused with the
     * failure.
     */
    void settleFailure(List<BatchOutcome<S, E>> outcomes, RuntimeException failure, int attempts) {
        decisions.forEach(d -> outcomes.set(d.index(), d.standsAlone() ? d.outcome(stream, null, attempts)
                : new BatchOutcome.Refused<>(failure)));
    }

    /**
     * Another writer appended first: nothing of the round was stored. The commands that depended on the append and
     * may be retried stay open; the other ones are refused with the conflict.
     *
     * @return the submissions to decide again, in their order
     */
    List<Integer> settleConflict(List<BatchOutcome<S, E>> outcomes, RuntimeException conflict, int attempts,
                                 IntPredicate retry) {
        List<Integer> again = new ArrayList<>();
        for (Decision<S, E> d : decisions) {
            if (d.standsAlone()) {
                outcomes.set(d.index(), d.outcome(stream, null, attempts));
            } else if (retry.test(d.index())) {
                again.add(d.index());
            } else {
                outcomes.set(d.index(), new BatchOutcome.Refused<>(conflict));
            }
        }
        return again;
    }
}
