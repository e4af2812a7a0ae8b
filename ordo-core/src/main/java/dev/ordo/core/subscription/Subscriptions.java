package dev.ordo.core.subscription;

import dev.ordo.core.store.EventReader;
import dev.ordo.core.trace.Tracing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts and stops the subscriptions of an application, and publishes their lag as Micrometer gauges:
 * {@code ordo.subscription.lag.events} (positions behind the head), {@code ordo.subscription.lag.seconds} (age of
 * the oldest unhandled event) and {@code ordo.subscription.failures}, tagged with the subscription's name.
 * Subscriptions that park poison events count them in {@code ordo.deadletters.parked}, tagged with the origin
 * ({@code subscription:<name>}). With a {@link Tracing}, each page is handled in a span named
 * {@code subscription <name>} that continues the trace of the page's first event that names one and links to the
 * other traces of the page. Thread-safe.
 */
public final class Subscriptions implements AutoCloseable {

    private final EventReader reader;
    private final HeadSignal signal;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Tracing tracing;
    private final Map<String, Subscription> running = new ConcurrentHashMap<>();

    /**
     * @param registry where to publish lag gauges and dead-letter counters, or {@code null}
     */
    public Subscriptions(EventReader reader, HeadSignal signal, MeterRegistry registry, Clock clock) {
        this(reader, signal, registry, clock, Tracing.none());
    }

    /**
     * @param registry where to publish lag gauges and dead-letter counters, or {@code null}
     * @param tracing  where the pages' spans go
     */
    public Subscriptions(EventReader reader, HeadSignal signal, MeterRegistry registry, Clock clock,
                         Tracing tracing) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.registry = registry;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tracing = Objects.requireNonNull(tracing, "tracing");
    }

    /**
     * Starts a subscription.
     *
     * @throws IllegalStateException when a subscription of that name is already running
     */
    public Subscription start(String name, SubscriptionConsumer consumer, SubscriptionOptions options) {
        SubscriptionConsumer traced = tracing.enabled() ? new TracedConsumer(name, consumer, tracing) : consumer;
        Subscription subscription = new Subscription(name, reader, traced, options, signal, clock, registry);
        if (running.putIfAbsent(name, subscription) != null) {
            throw new IllegalStateException("a subscription named '" + name + "' is already running");
        }
        if (registry != null) {
            Tags tags = Tags.of("subscription", name);
            Gauge.builder("ordo.subscription.lag.events", subscription, s -> s.status().lagEvents())
                    .tags(tags).description("positions the subscription is behind the head of the log")
                    .register(registry);
            Gauge.builder("ordo.subscription.lag.seconds", subscription, s -> s.status().lagSeconds())
                    .tags(tags).description("age of the oldest event the subscription has not handled")
                    .baseUnit("seconds").register(registry);
            Gauge.builder("ordo.subscription.failures", subscription, s -> s.status().failures())
                    .tags(tags).description("failed attempts to handle a page since start").register(registry);
        }
        subscription.start();
        return subscription;
    }

    /** The running subscription of that name. */
    public Optional<Subscription> get(String name) {
        return Optional.ofNullable(running.get(name));
    }

    /** The status of every subscription. */
    public Collection<SubscriptionStatus> statuses() {
        List<SubscriptionStatus> statuses = new ArrayList<>();
        running.values().forEach(s -> statuses.add(s.status()));
        return statuses;
    }

    /** Stops one subscription; its gauges stay registered and report it as stopped. */
    public void stop(String name) {
        Subscription subscription = running.remove(name);
        if (subscription != null) {
            subscription.close();
            if (registry != null) {
                Tags tags = Tags.of("subscription", name);
                for (String meter : List.of("ordo.subscription.lag.events", "ordo.subscription.lag.seconds",
                        "ordo.subscription.failures")) {
                    Optional.ofNullable(registry.find(meter).tags(tags).gauge()).ifPresent(registry::remove);
                }
            }
        }
    }

    /** The signal subscriptions wait on; feed it from the store's commit notifications. */
    public HeadSignal signal() {
        return signal;
    }

    /** Stops every subscription. */
    @Override
    public void close() {
        List.copyOf(running.keySet()).forEach(this::stop);
    }
}
