package dev.ordo.core.bus.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.bus.NoHandlerException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimpleQueryBusUnitTests {

    interface PagedQuery {
        int limit();
    }

    record OrderById(String orderId) {
    }

    record RecentOrders(int limit) implements PagedQuery {
    }

    record RecentCustomers(int limit) implements PagedQuery {
    }

    record Unanswered() {
    }

    private static final Map<String, String> ORDERS = Map.of("o-1", "placed", "o-2", "shipped");

    private final QueryBus bus = SimpleQueryBus.builder()
            .register(OrderById.class, query -> Optional.ofNullable(ORDERS.get(query.orderId())))
            .register(RecentOrders.class, query -> List.of("o-2", "o-1").subList(0, query.limit()))
            .register(PagedQuery.class, query -> "page of " + query.limit())
            .build();

    @Test
    void answersAQueryWithTheHandlerOfItsClass() {
        Optional<String> status = bus.ask(new OrderById("o-2"));
        List<String> recent = bus.ask(new RecentOrders(1));

        assertThat(status).contains("shipped");
        assertThat(recent).containsExactly("o-2");
    }

    @Test
    void answersAQueryWithoutItsOwnHandlerWithTheHandlerOfItsInterface() {
        String answer = bus.ask(new RecentCustomers(20));

        assertThat(answer).isEqualTo("page of 20");
    }

    @Test
    void namesTheQueryClassWhenNoHandlerIsRegistered() {
        assertThatThrownBy(() -> bus.ask(new Unanswered()))
                .isInstanceOfSatisfying(NoHandlerException.class,
                        e -> assertThat(e.messageType()).isEqualTo(Unanswered.class))
                .hasMessageContaining("query " + Unanswered.class.getName());
    }

    @Test
    void letsTheHandlersExceptionReachTheCallerUnchanged() {
        IllegalStateException failure = new IllegalStateException("read model is rebuilding");
        QueryBus failing = SimpleQueryBus.builder()
                .register(OrderById.class, query -> {
                    throw failure;
                })
                .build();

        assertThatThrownBy(() -> failing.ask(new OrderById("o-1"))).isSameAs(failure);
    }

    @Test
    void rejectsASecondHandlerForTheSameQueryClass() {
        SimpleQueryBus.Builder builder = SimpleQueryBus.builder().register(OrderById.class, query -> 1);

        assertThatThrownBy(() -> builder.register(OrderById.class, query -> 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(OrderById.class.getName());
    }

    @Test
    void rejectsANullQuery() {
        assertThatThrownBy(() -> bus.ask(null)).isInstanceOf(NullPointerException.class);
    }
}
