package dev.ordo.marketplace.platform.live;

import dev.ordo.core.store.EventReader;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live feeds over this process's event store, in every process that serves HTTP: a feed whose events this
 * process does not store (the orders in the notifications service) stays silent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

    /** How many orders' customers the orders feed keeps (about 150 bytes each). */
    static final long REMEMBERED_ORDERS = 100_000;

    @Bean
    LiveFeeds liveFeeds(EventReader reader, HeadSignal signal, EventMapper events, JsonMapper json,
                        LiveProperties properties, MeterRegistry meters) {
        return new LiveFeeds(
                new LiveFeed(new OrderUpdates(reader, events.json(), json, REMEMBERED_ORDERS), reader, signal,
                        properties.buffer(), properties.heartbeat(), meters),
                new LiveFeed(new NotificationUpdates(events.json(), json), reader, signal, properties.buffer(),
                        properties.heartbeat(), meters));
    }
}
