package dev.ordo.spring;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.Envelope;
import dev.ordo.core.event.EventData;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.EventFilter;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.saga.ProcessManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A process manager bean that counts {@code cart.item-added} events: each one becomes a {@code CountItem} command whose
 * route appends a {@code cart.counted} event to {@code count-<cart>}, with an id derived from the event reacted to (so
 * a repeat writes nothing new). With the serializer and command bus beans it needs.
 */
public final class ItemCounterConfig {

    /** A store event of {@code cart.item-added}, which the process manager reacts to. */
    public static EventData itemAdded(int i) {
        return EventData.of("cart.item-added", 1, "{\"i\":" + i + "}", EventMetadata.empty());
    }

    /** A cart event as the process manager reads it. */
    public record ItemAdded(int i) {
    }

    /** The command the process manager gives. */
    public record CountItem(String cart) {
    }

    /** The process manager and the event serializer. */
    @Configuration(proxyBeanMethods = false)
    public static class Manager {

        @Bean
        ProcessManager<ItemAdded> itemCounter() {
            return new ProcessManager<>() {
                @Override
                public String name() {
                    return "item-counter";
                }

                @Override
                public EventFilter filter() {
                    return EventFilter.categories("cart");
                }

                @Override
                public Class<ItemAdded> eventType() {
                    return ItemAdded.class;
                }

                @Override
                public List<Object> react(Envelope<ItemAdded> event) {
                    return List.of(new CountItem(event.recorded().streamId().value()));
                }
            };
        }

        @Bean
        EventSerializer eventSerializer() {
            return JacksonEventSerializer.of(EventTypeRegistry.builder()
                    .register(ItemAdded.class, "cart.item-added", 1).build());
        }
    }

    /** The command bus whose route appends the count. */
    @Configuration(proxyBeanMethods = false)
    public static class Bus {

        @Bean
        CommandBus commandBus(JdbcEventStore store) {
            return SimpleCommandBus.builder()
                    .register(CountItem.class, (CountItem command, EventMetadata metadata) -> store.append(
                            StreamId.of("count-" + command.cart()), ExpectedVersion.any(),
                            List.of(new EventData(UUID.nameUUIDFromBytes(metadata.causationId()
                                    .getBytes(StandardCharsets.UTF_8)), "cart.counted", 1, "{}", metadata))))
                    .build();
        }
    }
}
