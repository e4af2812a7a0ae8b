/**
 * Spring Boot wiring of {@code ordo-kafka}: the outbox relay and the Kafka health indicator, configured by
 * {@code ordo.kafka.*} properties.
 */
package dev.ordo.spring.kafka;
