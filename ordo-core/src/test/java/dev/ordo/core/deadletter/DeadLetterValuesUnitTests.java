package dev.ordo.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeadLetterValuesUnitTests {

    @Test
    void keepsAnEventWithItsStreamVersionAndMetadataAsHeaders() {
        UUID id = UUID.randomUUID();
        EventMetadata metadata = EventMetadata.empty().withCorrelationId("c-1").withActor("alice")
                .with("tenant", "t-9");
        RecordedEvent event = new RecordedEvent(id, StreamId.of("order-7"), 3, 42, "order.paid.v1", 2, "{\"a\":1}",
                metadata, Instant.parse("2026-03-01T08:00:00Z"));

        FailedMessage message = FailedMessage.of(event);

        assertThat(message.id()).isEqualTo(id.toString());
        assertThat(message.type()).isEqualTo("order.paid.v1");
        assertThat(message.payload()).isEqualTo("{\"a\":1}");
        assertThat(message.position()).isEqualTo(42L);
        assertThat(message.headers()).containsOnly(Map.entry("stream-id", "order-7"), Map.entry("stream-version", "3"),
                Map.entry("schema-version", "2"), Map.entry("recorded-at", "2026-03-01T08:00:00Z"),
                Map.entry("correlation-id", "c-1"), Map.entry("actor", "alice"), Map.entry("tenant", "t-9"));
    }

    @Test
    void keepsAnErrorsTypeMessageAndStackTraceWithItsCause() {
        Exception error = new IllegalStateException("payment refused", new IOException("connection reset"));

        Failure failure = Failure.of(error);

        assertThat(failure.type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.message()).isEqualTo("payment refused");
        assertThat(failure.stackTrace()).startsWith("java.lang.IllegalStateException: payment refused")
                .contains("DeadLetterValuesUnitTests").contains("Caused by: java.io.IOException: connection reset");
        assertThat(failure.summary()).isEqualTo("java.lang.IllegalStateException: payment refused");
        assertThat(failure.isHeldBack()).isFalse();
    }

    @Test
    void cutsAStackTraceToItsLimitOnceAndForAll() {
        Failure cut = new Failure("E", "m", "x".repeat(Failure.MAX_STACK_TRACE * 2));

        assertThat(cut.stackTrace()).hasSize(Failure.MAX_STACK_TRACE).endsWith("(truncated)");
        assertThat(new Failure("E", "m", cut.stackTrace())).isEqualTo(cut);
    }

    @Test
    void namesOriginsKindColonName() {
        assertThat(Origin.subscription("orders")).hasToString("subscription:orders");
        assertThat(Origin.sagaStep("fulfilment/reserve").kind()).isEqualTo(Origin.SAGA_STEP);
        assertThat(Origin.consumer("payments").kind()).isEqualTo(Origin.CONSUMER);
        assertThatThrownBy(() -> Origin.of(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind");
    }

    @Test
    void setsANextAttemptTimeExactlyWhenRetrying() {
        FailedMessage message = new FailedMessage("m-1", "t", "{}", null, null);
        Failure failure = new Failure("E", null, null);
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        assertThatThrownBy(() -> new DeadLetter(UUID.randomUUID(), Origin.consumer("c"), null, message, failure, 1, now,
                now, null, DeadLetterStatus.RETRYING)).hasMessageContaining("needs");
        assertThatThrownBy(() -> new DeadLetter(UUID.randomUUID(), Origin.consumer("c"), null, message, failure, 1, now,
                now, now, DeadLetterStatus.PARKED)).hasMessageContaining("has no");
    }

    @Test
    void refusesAPageBeyondTheLimit() {
        assertThatThrownBy(() -> DeadLetterQuery.all().page(0, DeadLetterQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DeadLetterQuery.all().page(3, 20)).extracting(DeadLetterQuery::offset).isEqualTo(60L);
    }

    @Test
    void pagesAsFarAsAnIntCanCountWithoutOverflowing() {
        assertThat(DeadLetterQuery.all().page(Integer.MAX_VALUE, DeadLetterQuery.MAX_LIMIT).offset())
                .isEqualTo(Integer.MAX_VALUE * (long) DeadLetterQuery.MAX_LIMIT);
        assertThatThrownBy(() -> DeadLetterQuery.all().page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
