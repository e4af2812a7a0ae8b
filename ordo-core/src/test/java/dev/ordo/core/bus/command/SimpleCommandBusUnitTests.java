package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.NoHandlerException;
import dev.ordo.core.event.EventIds;
import dev.ordo.core.event.EventMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimpleCommandBusUnitTests {

    sealed interface CartCommand {
    }

    record AddItem(String sku, int quantity) implements CartCommand {
    }

    record RemoveItem(String sku) implements CartCommand {
    }

    record Unrouted() {
    }

    static final class OutOfStock extends RuntimeException {
        OutOfStock(String sku) {
            super("sku " + sku + " is out of stock");
        }
    }

    private static final EventMetadata METADATA = EventMetadata.empty().withActor("alice");

    @Test
    void sendsACommandToTheRouteOfItsClassAndReturnsItsResult() {
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> command.sku() + " x" + command.quantity())
                .build();

        String result = bus.dispatch(new AddItem("sku-1", 2), METADATA);

        assertThat(result).isEqualTo("sku-1 x2");
    }

    @Test
    void sendsACommandWithoutItsOwnRouteToTheRouteOfItsInterface() {
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> "add")
                .register(CartCommand.class, (command, metadata) -> "cart " + command.getClass().getSimpleName())
                .build();

        assertThat(bus.<String>dispatch(new AddItem("sku-1", 1), METADATA)).isEqualTo("add");
        assertThat(bus.<String>dispatch(new RemoveItem("sku-1"), METADATA)).isEqualTo("cart RemoveItem");
    }

    @Test
    void refusesACommandWithoutRouteBeforeAnyMiddlewareRuns() {
        List<String> calls = new ArrayList<>();
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> "add")
                .middleware((message, next) -> {
                    calls.add("middleware");
                    return next.proceed(message);
                })
                .build();

        assertThatThrownBy(() -> bus.dispatch(new Unrouted(), METADATA))
                .isInstanceOfSatisfying(NoHandlerException.class,
                        e -> assertThat(e.messageType()).isEqualTo(Unrouted.class))
                .hasMessageContaining("command " + Unrouted.class.getName());
        assertThat(calls).isEmpty();
    }

    @Test
    void rejectsASecondRouteForTheSameCommandClass() {
        SimpleCommandBus.Builder builder = SimpleCommandBus.builder().register(AddItem.class, (command, metadata) -> 1);

        assertThatThrownBy(() -> builder.register(AddItem.class, (command, metadata) -> 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AddItem.class.getName());
    }

    @Test
    void letsTheHandlersDomainExceptionReachTheCallerUnchanged() {
        OutOfStock rejection = new OutOfStock("sku-9");
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> {
                    throw rejection;
                })
                .middleware((message, next) -> next.proceed(message))
                .build();

        assertThatThrownBy(() -> bus.dispatch(new AddItem("sku-9", 1), METADATA)).isSameAs(rejection);
    }

    @Test
    void runsMiddlewaresInRegistrationOrderWithTheFirstOutermost() {
        List<String> calls = new ArrayList<>();
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> {
                    calls.add("handler");
                    return "done";
                })
                .middleware(recording("outer", calls))
                .middleware(recording("inner", calls))
                .build();

        bus.dispatch(new AddItem("sku-1", 1), METADATA);

        assertThat(calls).containsExactly("outer before", "inner before", "handler", "inner after", "outer after");
    }

    @Test
    void handsTheHandlerTheMessageAMiddlewareReplacedItWith() {
        AtomicReference<EventMetadata> seen = new AtomicReference<>();
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> {
                    seen.set(metadata);
                    return command.quantity();
                })
                .middleware((message, next) -> next.proceed(
                        message.withMetadata(message.metadata().with("tenant", "acme"))))
                .middleware((message, next) -> next.proceed(
                        new CommandMessage(new AddItem("sku-1", 5), message.commandId(), message.metadata())))
                .build();

        int quantity = bus.dispatch(new AddItem("sku-1", 1), METADATA);

        assertThat(quantity).isEqualTo(5);
        assertThat(seen.get().extra()).containsEntry("tenant", "acme");
        assertThat(seen.get().actor()).isEqualTo("alice");
    }

    @Test
    void letsAMiddlewareAnswerWithoutCallingTheHandler() {
        List<String> calls = new ArrayList<>();
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> {
                    calls.add("handler");
                    return "handled";
                })
                .middleware((message, next) -> "cached")
                .build();

        assertThat(bus.<String>dispatch(new AddItem("sku-1", 1), METADATA)).isEqualTo("cached");
        assertThat(calls).isEmpty();
    }

    @Test
    void givesEachDispatchANewTimeOrderedCommandIdUnlessOneIsGiven() {
        List<UUID> ids = new ArrayList<>();
        CommandBus bus = SimpleCommandBus.builder()
                .register(AddItem.class, (command, metadata) -> "ok")
                .middleware((message, next) -> {
                    ids.add(message.commandId());
                    return next.proceed(message);
                })
                .build();
        UUID given = EventIds.next();

        bus.dispatch(new AddItem("sku-1", 1), METADATA);
        bus.dispatch(new AddItem("sku-1", 1), null);
        bus.dispatch(new CommandMessage(new AddItem("sku-1", 1), given, METADATA));

        assertThat(ids).hasSize(3);
        assertThat(ids.get(0).version()).isEqualTo(7);
        assertThat(ids.get(1)).isGreaterThan(ids.get(0));
        assertThat(ids.get(2)).isEqualTo(given);
    }

    @Test
    void treatsMissingMetadataAsEmpty() {
        CommandMessage message = new CommandMessage(new AddItem("sku-1", 1), null);

        assertThat(message.metadata()).isEqualTo(EventMetadata.empty());
        assertThat(message.commandType()).isEqualTo("AddItem");
    }

    private static CommandMiddleware recording(String name, List<String> calls) {
        return (message, next) -> {
            calls.add(name + " before");
            Object result = next.proceed(message);
            calls.add(name + " after");
            return result;
        };
    }
}
