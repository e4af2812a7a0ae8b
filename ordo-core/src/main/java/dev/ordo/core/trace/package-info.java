/**
 * Tracing without a tracing library: the {@link dev.ordo.core.trace.Tracing} port that the toolkit's units of work
 * (command handling, appends, subscription pages, saga steps, Kafka publishing and consuming) open their spans
 * through, the W3C {@code traceparent} they continue from an event's metadata and write onto what they append or
 * send ({@link dev.ordo.core.trace.TraceParent}), and helpers for spans over several events
 * ({@link dev.ordo.core.trace.EventTraces}). An application binds the port to its tracer (ordo-spring-boot binds it
 * to Micrometer Tracing); without one, {@link dev.ordo.core.trace.Tracing#none()} records nothing and costs nothing.
 * {@link dev.ordo.core.trace.InMemoryTracing} keeps the spans in memory, for tests.
 */
package dev.ordo.core.trace;
