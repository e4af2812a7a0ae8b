package dev.ordo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RememberingEventSerializerUnitTests {

    /** Decodes a payload into a new {@link Decoded} each time and counts how often it was asked. */
    private static final class CountingSerializer implements EventSerializer {

        final List<UUID> decoded = new ArrayList<>();

        @Override
        public EventData serialize(UUID eventId, Object event, EventMetadata metadata) {
            return new EventData(eventId, "thing.happened", 1, "{\"n\":" + event + "}", metadata);
        }

        @Override
        public Object deserialize(RecordedEvent recorded) {
            decoded.add(recorded.eventId());
            return new Decoded(recorded.eventType(), recorded.schemaVersion(), recorded.payload());
        }
    }

    private record Decoded(String type, int version, String payload) {
    }

    private final CountingSerializer delegate = new CountingSerializer();

    private static RecordedEvent stored(UUID id, String type, int version, String payload) {
        return new RecordedEvent(id, StreamId.of("thing-1"), 1, 1, type, version, payload, EventMetadata.empty(),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void anEventReadAgainIsDecodedOnceAndEveryReaderGetsTheSameInstance() {
        RememberingEventSerializer serializer = new RememberingEventSerializer(delegate, 64);
        UUID id = EventIds.next();

        Object first = serializer.deserialize(stored(id, "thing.happened", 1, "{\"n\":1}"));
        Object second = serializer.deserialize(stored(id, "thing.happened", 1, new String("{\"n\":1}")));

        assertThat(second).isSameAs(first);
        assertThat(delegate.decoded).containsExactly(id);
    }

    @Test
    void theSameIdWithAnotherPayloadTypeOrVersionIsDecodedAfresh() {
        RememberingEventSerializer serializer = new RememberingEventSerializer(delegate, 64);
        UUID id = EventIds.next();

        Object original = serializer.deserialize(stored(id, "thing.happened", 1, "{\"n\":1}"));
        Object otherPayload = serializer.deserialize(stored(id, "thing.happened", 1, "{\"n\":2}"));
        Object otherType = serializer.deserialize(stored(id, "thing.renamed", 1, "{\"n\":2}"));
        Object otherVersion = serializer.deserialize(stored(id, "thing.renamed", 2, "{\"n\":2}"));

        assertThat(otherPayload).isEqualTo(new Decoded("thing.happened", 1, "{\"n\":2}")).isNotEqualTo(original);
        assertThat(otherType).isEqualTo(new Decoded("thing.renamed", 1, "{\"n\":2}"));
        assertThat(otherVersion).isEqualTo(new Decoded("thing.renamed", 2, "{\"n\":2}"));
        assertThat(delegate.decoded).hasSize(4);
    }

    @Test
    void keepsAtMostItsCapacitySoOlderEventsAreDecodedAgain() {
        RememberingEventSerializer serializer = new RememberingEventSerializer(delegate, 4);
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(stored(EventIds.next(), "thing.happened", 1, "{\"n\":" + i + "}"));
        }

        events.forEach(serializer::deserialize);
        events.forEach(serializer::deserialize);

        assertThat(serializer.capacity()).isEqualTo(4);
        assertThat(delegate.decoded).hasSizeGreaterThanOrEqualTo(196);
    }

    @Test
    void roundsTheCapacityUpToAPowerOfTwoAndRefusesAnUnusableOne() {
        assertThat(new RememberingEventSerializer(delegate, 1).capacity()).isEqualTo(1);
        assertThat(new RememberingEventSerializer(delegate, 4).capacity()).isEqualTo(4);
        assertThat(new RememberingEventSerializer(delegate, 1000).capacity()).isEqualTo(1024);
        assertThatThrownBy(() -> new RememberingEventSerializer(delegate, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
    }

    @Test
    void anEventItWroteReadsBackAsTheSameObjectWithoutDecoding() {
        RememberingEventSerializer serializer = new RememberingEventSerializer(delegate, 8);
        UUID id = EventIds.next();
        Integer appended = 7;

        EventData written = serializer.serialize(id, appended, EventMetadata.empty());
        Object readBack = serializer.deserialize(stored(id, written.eventType(), written.schemaVersion(),
                new String(written.payload())));
        Object rewrittenByTheStore = serializer.deserialize(stored(id, written.eventType(), written.schemaVersion(),
                "{\"n\": 7}"));

        assertThat(written).isEqualTo(new EventData(id, "thing.happened", 1, "{\"n\":7}", EventMetadata.empty()));
        assertThat(readBack).isSameAs(appended);
        assertThat(rewrittenByTheStore).isEqualTo(new Decoded("thing.happened", 1, "{\"n\": 7}"));
        assertThat(delegate.decoded).containsExactly(id);
    }
}
