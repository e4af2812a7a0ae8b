package dev.ordo.marketplace.crash;

import dev.ordo.marketplace.fulfilment.FulfilmentIds;
import dev.ordo.marketplace.payments.fake.PaymentLedger;
import dev.ordo.marketplace.shared.OrderId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Everything a run's invariants are checked against, gathered once the run is at rest: the customers' exchanges, the
 * event log from position 0, what the API shows (each order from the read model and folded from its stream at its
 * last version, each order's saga, the stock of every product, the saga index, the dead letters), the stock before
 * the run, and the payment provider's ledger. Immutable once collected.
 *
 * @param orderIds    every order a placement key names, and every order stream in the log
 * @param views       {@code GET /orders/{id}} by order id (absent when 404)
 * @param folded      {@code GET /orders/{id}?version=<its last version in the log>} by order id
 * @param sagas       {@code GET /orders/{id}/fulfilment} by order id (absent when 404)
 * @param stock       {@code GET /inventory} by product id
 * @param stockBefore units (available + reserved) per product before the customers started
 * @param indexed     {@code GET /sagas?status=S} by saga id: the status the index lists it under
 * @param deadLetters {@code GET /dead-letters}, every status
 */
record EndState(List<Exchange> history, EventLog log, Set<String> orderIds, Map<String, JsonNode> views,
                Map<String, JsonNode> folded, Map<String, JsonNode> sagas, Map<String, JsonNode> stock,
                Map<String, Integer> stockBefore, Map<String, String> indexed, List<JsonNode> deadLetters,
                PaymentLedger ledger) {

    private static final List<String> SAGA_STATUSES = List.of("RUNNING", "COMPENSATING", "PARKED", "COMPLETED",
            "COMPENSATED");

    /** The saga id of an order's fulfilment. */
    static String sagaId(String orderId) {
        return FulfilmentIds.sagaId(OrderId.parse(orderId)).toString();
    }

    /** The payment id (and reservation id) the fulfilment of an order uses for a step. */
    static String invocationId(String orderId, String step) {
        return sagaId(orderId) + ":" + step;
    }

    /** Reads the log, then the API, with a few reads in parallel. */
    static EndState collect(List<Exchange> history, Store store, MarketplaceClient client, PaymentLedger ledger,
                            Map<String, Integer> stockBefore) throws SQLException {
        EventLog log;
        try (Connection connection = store.connect()) {
            log = EventLog.read(connection);
        }
        Set<String> orderIds = new LinkedHashSet<>();
        history.stream().filter(e -> e.kind() == Exchange.Kind.PLACE)
                .forEach(e -> orderIds.add(Customer.orderIdOf(e.key())));
        orderIds.addAll(log.streams("order").keySet());

        Map<String, JsonNode> views = new ConcurrentHashMap<>();
        Map<String, JsonNode> folded = new ConcurrentHashMap<>();
        Map<String, JsonNode> sagas = new ConcurrentHashMap<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(4, Thread.ofVirtual().factory())) {
            List<Future<?>> reads = orderIds.stream().<Future<?>>map(id -> readers.submit(() -> {
                client.read("orders/" + id).ifPresent(view -> views.put(id, view));
                List<EventLog.Event> stream = log.stream("order", id);
                if (!stream.isEmpty()) {
                    client.read("orders/" + id + "?version=" + stream.getLast().version())
                            .ifPresent(view -> folded.put(id, view));
                }
                client.read("orders/" + id + "/fulfilment").ifPresent(saga -> sagas.put(id, saga));
            })).toList();
            for (Future<?> read : reads) {
                read.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end state", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read the end state: " + e.getCause().getMessage(),
                    e.getCause());
        }

        Map<String, JsonNode> stock = new LinkedHashMap<>();
        client.read("inventory").orElseThrow().forEach(view -> stock.put(view.get("productId").asString(), view));
        Map<String, String> indexed = new LinkedHashMap<>();
        for (String status : SAGA_STATUSES) {
            client.read("sagas?status=" + status + "&limit=500").orElseThrow()
                    .forEach(summary -> indexed.put(summary.get("sagaId").asString(), status));
        }
        List<JsonNode> deadLetters = new ArrayList<>();
        client.read("dead-letters?size=1000").orElseThrow().forEach(deadLetters::add);
        return new EndState(List.copyOf(history), log, Set.copyOf(orderIds), Map.copyOf(views), Map.copyOf(folded),
                Map.copyOf(sagas), stock, Map.copyOf(stockBefore), indexed, List.copyOf(deadLetters), ledger);
    }

    /** The exchanges of one kind. */
    List<Exchange> exchanges(Exchange.Kind kind) {
        return history.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The saga's status as its stream says (the engine's fold, through the API), or {@code null}. */
    Optional<String> sagaStatus(String orderId) {
        return Optional.ofNullable(sagas.get(orderId)).map(saga -> saga.get("status").asString());
    }
}
