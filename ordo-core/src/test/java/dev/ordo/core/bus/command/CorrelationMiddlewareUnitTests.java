package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventMetadata;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationMiddlewareUnitTests {

    record PlaceOrder(String orderId) {
    }

    private final AtomicReference<EventMetadata> seenMetadata = new AtomicReference<>();
    private final AtomicReference<Map<String, String>> seenMdc = new AtomicReference<>();

    private final CommandBus bus = SimpleCommandBus.builder()
            .register(PlaceOrder.class, (command, metadata) -> {
                seenMetadata.set(metadata);
                seenMdc.set(MDC.getCopyOfContextMap());
                if (command.orderId().equals("broken")) {
                    throw new IllegalStateException("order cannot be placed");
                }
                return "placed";
            })
            .middleware(new CorrelationMiddleware())
            .build();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void startsACorrelationAtTheCommandWhenTheCallerGaveNone() {
        CommandMessage message = new CommandMessage(new PlaceOrder("o-1"), EventMetadata.empty());

        bus.dispatch(message);

        assertThat(seenMetadata.get().correlationId()).isEqualTo(message.commandId().toString());
        assertThat(seenMetadata.get().causationId()).isEqualTo(message.commandId().toString());
    }

    @Test
    void treatsABlankCorrelationIdAsMissing() {
        CommandMessage message = new CommandMessage(new PlaceOrder("o-1"),
                EventMetadata.empty().withCorrelationId(" "));

        bus.dispatch(message);

        assertThat(seenMetadata.get().correlationId()).isEqualTo(message.commandId().toString());
    }

    @Test
    void keepsTheCallersCorrelationAndOtherHeadersButNamesTheCommandAsCause() {
        EventMetadata given = new EventMetadata("request-7", "event-3", "alice", "00-abc-def-01",
                Map.of("tenant", "acme"));
        CommandMessage message = new CommandMessage(new PlaceOrder("o-1"), given);

        bus.dispatch(message);

        assertThat(seenMetadata.get()).isEqualTo(new EventMetadata("request-7", message.commandId().toString(), "alice",
                "00-abc-def-01", Map.of("tenant", "acme")));
    }

    @Test
    void putsTheCorrelationIdAndCommandTypeInTheMdcWhileTheCommandRuns() {
        bus.dispatch(new PlaceOrder("o-1"), EventMetadata.empty().withCorrelationId("request-7"));

        assertThat(seenMdc.get()).containsEntry(CorrelationMiddleware.CORRELATION_ID, "request-7")
                .containsEntry(CorrelationMiddleware.COMMAND_TYPE, "PlaceOrder");
    }

    @Test
    void putsTheActorOfTheMetadataInTheMdcWhileTheCommandRunsAndTheEarlierOneBackAfterwards() {
        MDC.put(CorrelationMiddleware.ACTOR, "scheduler");

        bus.dispatch(new PlaceOrder("o-1"), EventMetadata.empty().withActor("alice"));

        assertThat(seenMdc.get()).containsEntry(CorrelationMiddleware.ACTOR, "alice");
        assertThat(MDC.get(CorrelationMiddleware.ACTOR)).isEqualTo("scheduler");
    }

    @Test
    void leavesNoActorInTheMdcForACommandWithoutOne() {
        MDC.put(CorrelationMiddleware.ACTOR, "scheduler");

        bus.dispatch(new PlaceOrder("o-1"), EventMetadata.empty());

        assertThat(seenMdc.get()).doesNotContainKey(CorrelationMiddleware.ACTOR);
        assertThat(MDC.get(CorrelationMiddleware.ACTOR)).isEqualTo("scheduler");
    }

    @Test
    void restoresTheEarlierMdcValuesAfterTheCommand() {
        MDC.put(CorrelationMiddleware.CORRELATION_ID, "outer-request");
        MDC.put("user", "alice");

        bus.dispatch(new PlaceOrder("o-1"), EventMetadata.empty().withCorrelationId("request-7"));

        assertThat(MDC.get(CorrelationMiddleware.CORRELATION_ID)).isEqualTo("outer-request");
        assertThat(MDC.get(CorrelationMiddleware.COMMAND_TYPE)).isNull();
        assertThat(MDC.get("user")).isEqualTo("alice");
    }

    @Test
    void restoresTheEarlierMdcValuesAlsoWhenTheCommandFails() {
        MDC.put(CorrelationMiddleware.COMMAND_TYPE, "OuterCommand");

        assertThatThrownBy(() -> bus.dispatch(new PlaceOrder("broken"), EventMetadata.empty().withCorrelationId("r-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("order cannot be placed");

        assertThat(seenMdc.get()).containsEntry(CorrelationMiddleware.CORRELATION_ID, "r-1");
        assertThat(MDC.get(CorrelationMiddleware.CORRELATION_ID)).isNull();
        assertThat(MDC.get(CorrelationMiddleware.COMMAND_TYPE)).isEqualTo("OuterCommand");
    }
}
