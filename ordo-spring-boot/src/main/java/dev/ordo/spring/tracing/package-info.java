/**
 * The toolkit's spans through Micrometer Tracing: {@link dev.ordo.spring.tracing.MicrometerTracing} binds the
 * {@link dev.ordo.core.trace.Tracing} port to the application's tracer, and
 * {@link dev.ordo.spring.tracing.OrdoTracingAutoConfiguration} makes it the {@code Tracing} bean the stores,
 * subscriptions and Kafka clients use.
 */
package dev.ordo.spring.tracing;
