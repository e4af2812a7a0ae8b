package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppendRulesValidationUnitTests {

    private static final StreamId STREAM = StreamId.of("order-1");
    private static final ExpectedVersion ANY = ExpectedVersion.any();
    private static final StoreLimits LIMITS = new StoreLimits(10, 3);

    private static EventData event(String payload) {
        return new EventData(UUID.randomUUID(), "order.placed", 1, payload, null);
    }

    @Test
    void acceptsAWellFormedAppend() {
        List<EventData> events = List.of(event("{}"), event("{\"a\":1}"));

        assertThatCode(() -> AppendRules.validate(STREAM, ANY, events, LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAMissingStream() {
        assertThatThrownBy(() -> AppendRules.validate(null, ANY, List.of(event("{}")), LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("needs a stream id");
    }

    @Test
    void rejectsAMissingExpectedVersion() {
        assertThatThrownBy(() -> AppendRules.validate(STREAM, null, List.of(event("{}")), LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("needs an expected version");
    }

    @Test
    void rejectsAMissingEventList() {
        assertThatThrownBy(() -> AppendRules.validate(STREAM, ANY, null, LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("needs a list of events");
    }

    @Test
    void rejectsAnEmptyEventList() {
        assertThatThrownBy(() -> AppendRules.validate(STREAM, ANY, List.of(), LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("needs at least one event");
    }

    @Test
    void acceptsExactlyTheMaximumNumberOfEvents() {
        List<EventData> events = List.of(event("{}"), event("{}"), event("{}"));

        assertThatCode(() -> AppendRules.validate(STREAM, ANY, events, LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void rejectsMoreEventsThanTheLimit() {
        List<EventData> events = List.of(event("{}"), event("{}"), event("{}"), event("{}"));

        assertThatThrownBy(() -> AppendRules.validate(STREAM, ANY, events, LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("at most 3 events, got 4");
    }

    @Test
    void rejectsANullEventNamingItsIndex() {
        List<EventData> events = Arrays.asList(event("{}"), null);

        assertThatThrownBy(() -> AppendRules.validate(STREAM, ANY, events, LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("event 1 of the append to order-1 is null");
    }

    @Test
    void rejectsTheSameEventIdTwice() {
        EventData first = event("{}");
        EventData again = new EventData(first.eventId(), "order.paid", 1, "{}", null);

        assertThatThrownBy(() -> AppendRules.validate(STREAM, ANY, List.of(first, again), LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("event id " + first.eventId() + " appears twice");
    }

    @Test
    void acceptsAPayloadOfExactlyTheLimitInUtf8Bytes() {
        List<EventData> events = List.of(event("ééééé"));

        assertThatCode(() -> AppendRules.validate(STREAM, ANY, events, LIMITS)).doesNotThrowAnyException();
    }

    @Test
    void measuresThePayloadInUtf8BytesNotCharacters() {
        List<EventData> events = List.of(event("{}"), event("éééééé"));

        assertThatThrownBy(() -> AppendRules.validate(STREAM, ANY, events, LIMITS))
                .isInstanceOf(InvalidAppendException.class)
                .hasMessageContaining("event 1 ('order.placed')")
                .hasMessageContaining("payload of 12 bytes, over the limit of 10 bytes");
    }
}
