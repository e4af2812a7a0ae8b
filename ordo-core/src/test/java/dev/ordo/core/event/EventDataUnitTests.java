package dev.ordo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventDataUnitTests {

    @Test
    void givesANewEventATimeOrderedIdAndEmptyMetadataWhenNoneIsGiven() {
        EventData event = EventData.of("order.placed", 1, "{}", null);

        assertThat(event.eventId().version()).isEqualTo(7);
        assertThat(event.metadata()).isEqualTo(EventMetadata.empty());
    }

    @Test
    void rejectsABlankEventType() {
        assertThatThrownBy(() -> new EventData(UUID.randomUUID(), "  ", 1, "{}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventType must not be blank");
    }

    @Test
    void rejectsASchemaVersionBelowOne() {
        assertThatThrownBy(() -> new EventData(UUID.randomUUID(), "order.placed", 0, "{}", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1, was 0");
    }

    @Test
    void rejectsMissingIdTypeOrPayload() {
        assertThatThrownBy(() -> new EventData(null, "order.placed", 1, "{}", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new EventData(UUID.randomUUID(), null, 1, "{}", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventType");
        assertThatThrownBy(() -> new EventData(UUID.randomUUID(), "order.placed", 1, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("payload");
    }
}
