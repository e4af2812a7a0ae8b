package dev.ordo.kafka.consumer;

import dev.ordo.core.event.RecordedEvent;

/**
 * Reacts to one event with effects outside the consumer's database transaction (commands on an event stream, a call
 * to another system), run before the inbox records the event. At least once: a crash or a failure after the reaction
 * and before the inbox commit runs it again for the same event, so it must do its work once per event id (a process
 * manager's commands carry ids derived from it). Events the inbox has recorded are never handed over again.
 */
@FunctionalInterface
public interface IdempotentEventHandler {

    void react(RecordedEvent event) throws Exception;
}
