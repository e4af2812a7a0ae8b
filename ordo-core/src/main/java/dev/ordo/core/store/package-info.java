/**
 * The event store port ({@link dev.ordo.core.store.EventStore}: reader, writer, maintenance), its value types
 * and typed errors, the rules every backend applies, and an in-memory implementation for tests.
 */
package dev.ordo.core.store;
