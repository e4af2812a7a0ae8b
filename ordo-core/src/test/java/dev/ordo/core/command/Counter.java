package dev.ordo.core.command;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.UnknownEventTypeException;
import dev.ordo.core.snapshot.StateCodec;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny test domain: a counter that adds positive amounts and can be cleared. */
final class Counter {

    private Counter() {
    }

    sealed interface Command {
    }

    record Add(int amount) implements Command {
    }

    record Clear() implements Command {
    }

    sealed interface Event {
    }

    record Added(int amount) implements Event {
    }

    record Cleared() implements Event {
    }

    /** The running total and how many additions were folded in. */
    record State(long total, int additions) {
    }

    static final Decider<Command, State, Event> DECIDER = Decider.of(() -> new State(0, 0), Counter::decide,
            Counter::evolve);

    private static List<Event> decide(Command command, State state) {
        return switch (command) {
            case Add add -> {
                if (add.amount() <= 0) {
                    throw new IllegalArgumentException("amount must be positive, was " + add.amount());
                }
                yield List.of(new Added(add.amount()));
            }
            case Clear clear -> state.total() == 0 ? List.of() : List.of(new Cleared());
        };
    }

    private static State evolve(State state, Event event) {
        return switch (event) {
            case Added added -> new State(state.total() + added.amount(), state.additions() + 1);
            case Cleared cleared -> new State(0, state.additions());
        };
    }

    /** Writes the counter's events as tiny JSON documents by hand. */
    static final class Serializer implements EventSerializer {

        private static final Pattern AMOUNT = Pattern.compile("\\{\"amount\":(-?\\d+)}");

        @Override
        public EventData serialize(UUID eventId, Object event, EventMetadata metadata) {
            return switch (event) {
                case Added added -> new EventData(eventId, "counter.added", 1, "{\"amount\":" + added.amount() + "}",
                        metadata);
                case Cleared cleared -> new EventData(eventId, "counter.cleared", 1, "{}", metadata);
                default -> throw new UnknownEventTypeException("not a counter event: " + event);
            };
        }

        @Override
        public Object deserialize(RecordedEvent recorded) {
            return switch (recorded.eventType()) {
                case "counter.added" -> {
                    Matcher matcher = AMOUNT.matcher(recorded.payload());
                    if (!matcher.matches()) {
                        throw new EventSerializationException("bad payload " + recorded.payload());
                    }
                    yield new Added(Integer.parseInt(matcher.group(1)));
                }
                case "counter.cleared" -> new Cleared();
                default -> throw new UnknownEventTypeException("unknown type " + recorded.eventType());
            };
        }
    }

    /** Encodes the state as {@code total,additions}. */
    record Codec(int schemaVersion) implements StateCodec<State> {

        @Override
        public String encode(State state) {
            return state.total() + "," + state.additions();
        }

        @Override
        public State decode(String encoded) {
            String[] parts = encoded.split(",");
            return new State(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
        }
    }
}
