/**
 * A real Kafka broker (KRaft) for tests, started in the JVM from Kafka's own test kit in Maven Central jars: no Docker,
 * nothing installed. Needs {@code org.apache.kafka:kafka-test-common-runtime} on the test class path.
 */
package dev.ordo.test.kafka;
