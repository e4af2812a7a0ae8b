package dev.ordo.kafka.consumer;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.deadletter.DeadLetterRecorder;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.saga.ProcessManager;
import dev.ordo.saga.ProcessManagerRunner;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs a {@link ProcessManager} written for store subscriptions, unchanged, on a Kafka subscription: each event its
 * filter takes is reacted to as {@link ProcessManagerRunner} does (commands dispatched through the command bus with
 * ids derived from the event's id), before the inbox records it. The guarantee is the runner's: at least once, with the
 * same command ids on a repeat, so command handlers that recognise a repeated command (or commands idempotent by
 * themselves, such as starting a saga of a given id) make the effect happen once. An event the inbox recorded is not
 * reacted to again; gaps, poison events and dead letters are as for any {@link KafkaSubscription}. Each reaction runs
 * in a span continuing the event's trace ({@link KafkaSubscriptionConfig#tracing()}). Stateless.
 */
public final class KafkaProcessManagers {

    private KafkaProcessManagers() {
    }

    /** Starts the process manager's subscription in the consumer group of the config. */
    public static <E> KafkaSubscription start(KafkaSubscriptionConfig config, OrdoDatabase database,
                                              ProcessManager<E> manager, EventSerializer serializer,
                                              CommandBus commands, DeadLetterRecorder deadLetters,
                                              MeterRegistry registry) {
        return KafkaSubscription.startIdempotent(config, database,
                handler(manager, serializer, commands, config.tracing()), deadLetters, registry);
    }

    static <E> IdempotentEventHandler handler(ProcessManager<E> manager, EventSerializer serializer,
                                              CommandBus commands, Tracing tracing) {
        return event -> {
            if (manager.filter().matches(event)) {
                ProcessManagerRunner.react(manager, serializer, commands, event, tracing);
            }
        };
    }
}
