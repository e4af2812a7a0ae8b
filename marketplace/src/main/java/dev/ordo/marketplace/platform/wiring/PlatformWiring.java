package dev.ordo.marketplace.platform.wiring;

import dev.ordo.coordination.metrics.CoordinationMetrics;
import dev.ordo.coordination.service.ServiceCoordinator;
import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.CorrelationMiddleware;
import dev.ordo.core.bus.command.LoggingMiddleware;
import dev.ordo.core.bus.command.MetricsMiddleware;
import dev.ordo.core.bus.command.PerKeyLockMiddleware;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.bus.command.TracingMiddleware;
import dev.ordo.core.bus.command.ValidationMiddleware;
import dev.ordo.core.bus.query.QueryBus;
import dev.ordo.core.bus.query.SimpleQueryBus;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RememberingEventSerializer;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.spring.OrdoProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The marketplace's wiring, all explicit, from what the contexts of this process contribute: stable event names, the
 * event serializer, the command bus (validation, correlation, a span per command, logging, metrics, one command at a
 * time per stream or lock key) with each context's routes, the query bus, and the demo data. Knows no context.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformWiring {

    /** How many decoded events the events' codec keeps (more than the events of the sagas in flight at full load). */
    static final int REMEMBERED_EVENTS = 16_384;

    /**
     * The time stamped on commands, in whole milliseconds: the precision the read models keep, so an order reads the
     * same (and has one representation per ETag) whether it comes from a command's response, a past version or the
     * read model.
     */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    /** Every event the contexts of this process store (the fulfilment's sagas' included: one serializer). */
    @Bean
    EventTypeRegistry marketplaceEventTypes(List<ContextEvents> contexts) {
        EventTypeRegistry.Builder events = EventTypeRegistry.builder();
        contexts.forEach(context -> context.register(events));
        return events.build();
    }

    /** The mapper of stored events and snapshots (not the web layer's). */
    @Bean
    EventMapper eventMapper() {
        return new EventMapper(EventJson.mapper());
    }

    /**
     * The events' codec. It remembers the last {@value #REMEMBERED_EVENTS} events it decoded, so the read models, the
     * process manager and state loads that read an event soon after it was written decode it once between them.
     */
    @Bean
    EventSerializer marketplaceEventSerializer(EventTypeRegistry registry, EventMapper mapper) {
        return new RememberingEventSerializer(JacksonEventSerializer.builder(registry).mapper(mapper.json()).build(),
                REMEMBERED_EVENTS);
    }

    /**
     * The command bus with every context's routes. A context's stream commands (see {@link StreamCommand}) take turns
     * on their stream in the bus itself, which decides those queued on a hot stream together; its other commands take
     * the lock of the key the context names.
     */
    @Bean
    CommandBus commandBus(ObjectProvider<ContextRoutes> contexts, Validator validator, MeterRegistry meters,
                          OrdoProperties properties, Tracing tracing) {
        List<ContextRoutes> routes = contexts.orderedStream().toList();
        SimpleCommandBus.Builder commands = SimpleCommandBus.builder();
        routes.forEach(context -> context.commands(commands));
        return commands
                .middleware(new CorrelationMiddleware())
                .middleware(new TracingMiddleware(tracing))
                .middleware(new LoggingMiddleware())
                .middleware(new MetricsMiddleware(meters))
                .middleware(new ValidationMiddleware(validator))
                .middleware(new PerKeyLockMiddleware(command -> lockKey(routes, command),
                        properties.commands().lockTimeout()))
                .combineStreamCommands(properties.commands().combineUpTo(), properties.commands().lockTimeout())
                .build();
    }

    private static Optional<String> lockKey(List<ContextRoutes> routes, Object command) {
        for (ContextRoutes context : routes) {
            Optional<String> key = context.lockKey(command);
            if (key.isPresent()) {
                return key;
            }
        }
        return Optional.empty();
    }

    @Bean
    QueryBus queryBus(ObjectProvider<ContextRoutes> contexts) {
        SimpleQueryBus.Builder queries = SimpleQueryBus.builder();
        contexts.orderedStream().forEach(context -> context.queries(queries));
        return queries.build();
    }

    /**
     * Seeds the demo data on start (with {@code marketplace.demo-data=true}, the default), context by context in their
     * order: each stream only while it does not exist yet, so restarts change nothing.
     */
    @Bean
    @ConditionalOnProperty(name = "marketplace.demo-data", havingValue = "true", matchIfMissing = true)
    ApplicationRunner demoData(ObjectProvider<ContextRoutes> contexts, CommandBus commands) {
        return args -> contexts.orderedStream().forEach(context -> context.seed(commands));
    }

    /** Runs the calls of a request that fan out to several contexts (an order's quote), measured per operation. */
    @Bean
    ServiceCoordinator serviceCoordinator(MeterRegistry meters) {
        ServiceCoordinator coordinator = ServiceCoordinator.ofDefaults();
        coordinator.eventPublisher().subscribe("metrics", CoordinationMetrics.of(meters));
        return coordinator;
    }
}
