package dev.ordo.kafka.consumer;

/**
 * A snapshot of a Kafka subscription.
 *
 * @param group       its consumer group
 * @param state       what it does
 * @param applied     events applied since it started
 * @param repeats     records skipped because the inbox had applied them already (redeliveries)
 * @param deadLetters records that became dead letters (failing, malformed, or after a gap) or were held behind one
 * @param heldStreams streams held behind a dead letter now
 * @param failures    failed attempts since it started (database down, a failing record)
 * @param lastError   the last failure, or {@code null}
 * @param partitions  how many partitions the group gives this member now (0 before its first assignment, during a
 *                    rebalance, or when the group has more members than partitions)
 */
public record KafkaSubscriptionStatus(String group, State state, long applied, long repeats, long deadLetters,
                                      int heldStreams, long failures, String lastError, int partitions) {

    /** The lifecycle of a subscription. */
    public enum State {
        /** Consuming. */
        RUNNING,
        /** Retrying after a failure of the database or of a record. */
        RETRYING,
        /** Closed, or its thread ended. */
        STOPPED
    }
}
