package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.trace.InMemoryTracing;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TracingMiddlewareUnitTests {

    private static final String REQUEST = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    record PlaceOrder(String orderId) {
    }

    private final InMemoryTracing tracing = new InMemoryTracing();
    private final AtomicReference<EventMetadata> seen = new AtomicReference<>();

    private CommandBus bus(Tracing tracing) {
        return SimpleCommandBus.builder()
                .register(PlaceOrder.class, (command, metadata) -> {
                    seen.set(metadata);
                    return switch (command.orderId()) {
                        case "refused" -> throw new IllegalStateException("rule O1: no such product");
                        case "down" -> throw EventStoreUnavailableException.notWritten("the database is away", null);
                        default -> "placed";
                    };
                })
                .middleware(new CorrelationMiddleware())
                .middleware(new TracingMiddleware(tracing))
                .build();
    }

    @Test
    void handlesTheCommandInASpanContinuingItsMetadataAndHandsOnTheSpansContext() {
        bus(tracing).dispatch(new PlaceOrder("o-1"), EventMetadata.empty().withTraceParent(REQUEST));

        InMemoryTracing.Span span = tracing.named("command PlaceOrder").getFirst();
        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.parentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.tags()).containsEntry("ordo.outcome", "success")
                .containsEntry("ordo.correlation_id", seen.get().correlationId());
        assertThat(seen.get().traceParent()).isEqualTo(span.traceParent());
    }

    @Test
    void aCommandWithoutATraceContextContinuesTheCurrentSpan() {
        String current;
        try (TraceSpan request = tracing.start("http post /orders", null)) {
            current = request.traceParent();
            bus(tracing).dispatch(new PlaceOrder("o-1"), EventMetadata.empty());
        }

        assertThat(tracing.named("command PlaceOrder").getFirst().parentSpanId())
                .isEqualTo(current.substring(36, 52));
    }

    @Test
    void aRejectionIsAnOutcomeAndAnInfrastructureFailureAnError() {
        CommandBus bus = bus(tracing);

        assertThatThrownBy(() -> bus.dispatch(new PlaceOrder("refused"), EventMetadata.empty()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> bus.dispatch(new PlaceOrder("down"), EventMetadata.empty()))
                .isInstanceOf(EventStoreUnavailableException.class);

        assertThat(tracing.named("command PlaceOrder")).satisfiesExactly(
                refused -> {
                    assertThat(refused.tags()).containsEntry("ordo.outcome", "rejected");
                    assertThat(refused.error()).isNull();
                },
                down -> {
                    assertThat(down.tags()).containsEntry("ordo.outcome", "error");
                    assertThat(down.error()).isInstanceOf(EventStoreUnavailableException.class);
                });
    }

    @Test
    void withoutTracingTheMetadataGoesOnAsItCame() {
        EventMetadata given = EventMetadata.empty().withCorrelationId("c").withTraceParent(REQUEST);

        bus(Tracing.none()).dispatch(new PlaceOrder("o-1"), given);

        assertThat(seen.get().traceParent()).isEqualTo(REQUEST);
    }
}
