package dev.ordo.kafka.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record that does not carry an event as the relay publishes one: a dead letter, never applied. */
public final class MalformedRecordException extends RuntimeException {

    MalformedRecordException(ConsumerRecord<?, ?> record, String why) {
        super("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " is no event published by an Ordo relay: " + why);
    }
}
