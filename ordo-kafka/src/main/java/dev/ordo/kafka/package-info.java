/**
 * The event store as an outbox: a relay that publishes {@code $all} to Kafka exactly once as seen by
 * {@code read_committed} consumers, keyed by stream id, with at most one active relay per name across processes.
 */
package dev.ordo.kafka;
