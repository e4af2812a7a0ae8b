package dev.ordo.core.command;

import java.util.Objects;

/**
 * What {@link CommandHandler#handleAll} came to for one of its commands: handled, or refused with the exception that
 * {@link CommandHandler#handle} would have thrown for it.
 *
 * @param <S> the state type
 * @param <E> the event type
 */
public sealed interface BatchOutcome<S, E> {

    /** The command's result, or its refusal thrown unchanged. */
    CommandResult<S, E> orThrow();

    /** The command was decided and its events, if any, are stored. */
    record Handled<S, E>(CommandResult<S, E> result) implements BatchOutcome<S, E> {

        public Handled {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public CommandResult<S, E> orThrow() {
            return result;
        }
    }

    /**
     * The command was not handled: the decider's domain exception (nothing was written for it), a version conflict
     * that was not retried, or a store failure whose outcome the exception states.
     */
    record Refused<S, E>(RuntimeException reason) implements BatchOutcome<S, E> {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public CommandResult<S, E> orThrow() {
            throw reason;
        }
    }
}
