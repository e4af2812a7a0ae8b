package dev.ordo.core.decider;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Domain logic as three pure functions: what state a stream starts in, which events a command produces in a
 * given state, and how an event changes the state.
 *
 * <p>Implementations must be side-effect free and deterministic: no clock, no random ids, no I/O. Time and ids
 * come in with the command. {@link #decide} rejects a command by throwing an exception that names the rule
 * and the current state; it never returns {@code null}. {@link #evolve} must accept every event
 * {@link #decide} can produce, including events written by earlier versions of the code after upcasting.
 *
 * @param <C> the command type, usually a sealed interface of records
 * @param <S> the state type
 * @param <E> the event type, usually a sealed interface of records
 */
public interface Decider<C, S, E> {

    /** The state of a stream that has no events. Never {@code null}. */
    S initialState();

    /**
     * Decides which events the command produces in the given state.
     *
     * @return the new events, possibly empty when the command changes nothing; never {@code null}
     * @throws RuntimeException a domain exception when the command breaks a rule
     */
    List<E> decide(C command, S state);

    /** Applies one event to a state and returns the new state. Never {@code null}. */
    S evolve(S state, E event);

    /** Folds the events over {@link #initialState()}. */
    default S fold(Iterable<? extends E> events) {
        return fold(initialState(), events);
    }

    /** Folds the events over the given state. */
    default S fold(S state, Iterable<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = Objects.requireNonNull(evolve(current, event), "evolve returned null");
        }
        return current;
    }

    /** Builds a decider from three functions. */
    static <C, S, E> Decider<C, S, E> of(Supplier<S> initialState,
                                         BiFunction<C, S, List<E>> decide,
                                         BiFunction<S, E, S> evolve) {
        Objects.requireNonNull(initialState, "initialState");
        Objects.requireNonNull(decide, "decide");
        Objects.requireNonNull(evolve, "evolve");
        return new Decider<>() {
            @Override
            public S initialState() {
                return initialState.get();
            }

            @Override
            public List<E> decide(C command, S state) {
                return decide.apply(command, state);
            }

            @Override
            public S evolve(S state, E event) {
                return evolve.apply(state, event);
            }
        };
    }
}
