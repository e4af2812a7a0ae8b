package dev.ordo.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ordo.core.decider.Decider;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.RememberingEventSerializer;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.jackson.JacksonEventSerializer;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.marketplace.catalog.ProductDecider;
import dev.ordo.marketplace.catalog.ProductEvent;
import dev.ordo.marketplace.catalog.app.ProductStateCodec;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.inventory.StockDecider;
import dev.ordo.marketplace.inventory.StockEvent;
import dev.ordo.marketplace.inventory.app.StockStateCodec;
import dev.ordo.marketplace.notifications.NotificationEvent;
import dev.ordo.marketplace.ordering.OrderDecider;
import dev.ordo.marketplace.ordering.OrderEvent;
import dev.ordo.marketplace.ordering.app.OrderStateCodec;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.shared.OrderId;
import dev.ordo.marketplace.shipping.ShipmentEvent;
import dev.ordo.saga.SagaEvent;
import dev.ordo.test.faults.SeededFaults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random bytes and mutated JSON into the decoders of everything the marketplace stores: every registered event type at
 * every schema version a row could claim, and the snapshot codecs of orders, products, stock and the fulfilment's data.
 * Each answers with a value or the documented {@link EventSerializationException}, never another exception, an
 * {@link Error}, a {@code null} or a hang. The seed is logged ({@code -Dordo.faults.seed=N} replays it).
 */
@Timeout(120)
class DecoderRobustnessUnitTests {

    private static final int MUTATIONS = Integer.getInteger("ordo.fuzz.decoder-mutations", 150);
    private static final String RAW = "__raw_json__";

    private final JsonMapper json = EventJson.mapper();
    private final EventTypeRegistry registry = EventTypeRegistry.builder().registerSealed(OrderEvent.class)
            .registerSealed(ProductEvent.class).registerSealed(StockEvent.class).registerSealed(PaymentEvent.class)
            .registerSealed(ShipmentEvent.class).registerSealed(NotificationEvent.class)
            .registerSealed(SagaEvent.class).build();
    private final JacksonEventSerializer events = JacksonEventSerializer.builder(registry).mapper(json).build();
    private final EventSerializer remembering = new RememberingEventSerializer(events, 64);
    private final SeededFaults random = SeededFaults.fromSystemPropertyOrRandom("DecoderRobustnessUnitTests");

    @Test
    void everyRegisteredEventTypeDecodesItsSampleOrRefusesWhateverElseItsRowHolds() {
        for (String name : registry.names()) {
            EventTypeRegistry.Entry entry = registry.forName(name);
            String sample = ReflectiveSamples.of(entry.type(), name).toString();
            assertThat(events.deserialize(recorded(name, entry.schemaVersion(), sample)))
                    .as("the sample of %s: %s", name, sample).isInstanceOf(entry.type());
            for (int version : new int[] {entry.schemaVersion(), 0, -1, entry.schemaVersion() + 1, Integer.MAX_VALUE}) {
                for (String payload : payloads(sample)) {
                    decodesOrRefuses(() -> events.deserialize(recorded(name, version, payload)), name, payload);
                    decodesOrRefuses(() -> remembering.deserialize(recorded(name, version, payload)), name, payload);
                }
            }
        }
        for (String payload : payloads("{}")) {
            decodesOrRefuses(() -> events.deserialize(recorded("order.no-such-event", 1, payload)), "unknown",
                    payload);
        }
    }

    @Test
    void everySnapshotCodecDecodesItsStatesOrRefusesWhateverElseASnapshotHolds() {
        Map<StateCodec<?>, List<?>> codecs = Map.of(
                OrderStateCodec.create(json), states(new OrderDecider(), OrderEvent.class),
                ProductStateCodec.create(json), states(new ProductDecider(), ProductEvent.class),
                StockStateCodec.create(json), states(new StockDecider(), StockEvent.class),
                JacksonStateCodec.of(json, FulfilmentData.class, 1),
                List.of(FulfilmentData.of(OrderId.of(UUID.randomUUID()))));
        codecs.forEach((codec, states) -> {
            assertThat(states).as("sample states of %s", codec).hasSizeGreaterThan(0);
            for (Object state : states) {
                String encoded = encode(codec, state);
                assertThat(codec.decode(encoded)).as("%s read back", encoded).isEqualTo(state);
                for (String payload : payloads(encoded)) {
                    decodesOrRefuses(() -> codec.decode(payload), state.getClass().getSimpleName(), payload);
                }
            }
        });
    }

    /** The states a decider reaches from its initial state by the sample of each of its events that it accepts. */
    private <S, E> List<S> states(Decider<?, S, E> decider, Class<E> eventType) {
        List<S> states = new ArrayList<>(List.of(decider.initialState()));
        S state = decider.initialState();
        for (Class<?> type : eventType.getPermittedSubclasses()) {
            String name = registry.forClass(type).name();
            Object event = events.deserialize(recorded(name, registry.forClass(type).schemaVersion(),
                    ReflectiveSamples.of(type, name).toString()));
            try {
                state = decider.evolve(state, eventType.cast(event));
                states.add(state);
            } catch (RuntimeException notAfterTheOthers) {
                // the sample does not follow the states before it: the others still cover this decider
            }
        }
        return states;
    }

    @SuppressWarnings("unchecked")
    private static <S> String encode(StateCodec<S> codec, Object state) {
        return codec.encode((S) state);
    }

    /** The inputs tried for one valid payload: odd ones, random bytes, and mutations of the payload. */
    private List<String> payloads(String valid) {
        List<String> payloads = new ArrayList<>(HostileValues.MALFORMED);
        payloads.addAll(HostileValues.values());
        for (int i = 0; i < MUTATIONS; i++) {
            payloads.add(switch (random.nextInt(4)) {
                case 0 -> randomBytes();
                case 1 -> flipped(valid);
                case 2 -> valid.substring(0, random.nextInt(valid.length() + 1));
                default -> replaced(valid, HostileValues.values().get(random.nextInt(HostileValues.values().size())));
            });
        }
        return payloads;
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(300)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String flipped(String valid) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (int flips = 1 + random.nextInt(4); flips > 0 && bytes.length > 0; flips--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The payload with one value somewhere inside it (or a field missing) replaced by a raw token. */
    private String replaced(String valid, String token) {
        JsonNode tree = json.readTree(valid);
        List<JsonNode> containers = new ArrayList<>();
        collect(tree, containers);
        if (containers.isEmpty()) {
            return token;
        }
        JsonNode container = containers.get(random.nextInt(containers.size()));
        if (container instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.isEmpty() ? "extra" : names.get(random.nextInt(names.size()));
            if (random.chance(0.2)) {
                object.remove(name);
                return json.writeValueAsString(tree);
            }
            object.put(name, RAW);
        } else if (container instanceof ArrayNode array) {
            array.set(random.nextInt(array.size()), JsonNodeFactory.instance.stringNode(RAW));
        }
        return json.writeValueAsString(tree).replace("\"" + RAW + "\"", token);
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node instanceof ObjectNode || node instanceof ArrayNode && !node.isEmpty()) {
            containers.add(node);
            node.valueStream().forEach(child -> collect(child, containers));
        }
    }

    private void decodesOrRefuses(Supplier<Object> decode, String what, String payload) {
        try {
            assertThat(decode.get()).as("%s decoded from %s, %s", what, abbreviate(payload), random).isNotNull();
        } catch (EventSerializationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Throwable unexpected) {
            fail(what + " from " + abbreviate(payload) + " threw " + unexpected + ", " + random, unexpected);
        }
    }

    private static RecordedEvent recorded(String type, int version, String payload) {
        return new RecordedEvent(UUID.randomUUID(), StreamId.of("order-" + UUID.randomUUID()), 1, 1, type, version,
                payload, EventMetadata.empty(), Instant.parse("2026-03-01T08:00:00Z"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "... (" + text.length() + " chars)";
    }
}
