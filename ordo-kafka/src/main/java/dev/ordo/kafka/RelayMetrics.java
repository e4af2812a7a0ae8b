package dev.ordo.kafka;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/** The Micrometer meters of one relay, read from its {@link RelayStatus} when scraped. */
final class RelayMetrics {

    private RelayMetrics() {
    }

    static void register(MeterRegistry registry, OutboxRelay relay) {
        Tags tags = Tags.of("relay", relay.name());
        Gauge.builder("ordo.relay.lag.events", relay, r -> r.status().lagEvents()).tags(tags)
                .description("positions of the log the relay has not published yet").register(registry);
        Gauge.builder("ordo.relay.lag.seconds", relay, r -> r.status().lagSeconds()).tags(tags).baseUnit("seconds")
                .description("age of the oldest event the relay has not published yet").register(registry);
        Gauge.builder("ordo.relay.active", relay, r -> r.status().state() == RelayStatus.State.ACTIVE ? 1 : 0)
                .tags(tags).description("1 while this instance holds the lease and publishes").register(registry);
        FunctionCounter.builder("ordo.relay.published", relay, r -> r.status().published()).tags(tags)
                .description("events this instance committed to Kafka").register(registry);
        FunctionCounter.builder("ordo.relay.failures", relay, r -> r.status().failures()).tags(tags)
                .description("failed attempts to publish or to take over").register(registry);
    }
}
