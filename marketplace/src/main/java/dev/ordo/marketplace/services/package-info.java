/**
 * The marketplace's services (ADR 27): Spring Boot applications that each run some of the contexts in a process of
 * their own, with their own database, talking to the others through Kafka. Started from the same jar with
 * {@code --marketplace.service=<name>}; the embedded application runs every context instead.
 */
package dev.ordo.marketplace.services;
