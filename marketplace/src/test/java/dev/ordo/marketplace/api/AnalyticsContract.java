package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sales figures over known orders in a database of their own, checked against figures computed here from the
 * catalog's prices (not from the read models).
 */
abstract class AnalyticsContract extends MarketplaceApiTests {

    /** An order this test placed: its items, the status it ended in, and the day it was placed. */
    private record Placed(List<Item> items, String status, LocalDate day) {

        BigDecimal total() {
            return MarketplaceApiTests.total(items.toArray(Item[]::new));
        }

        boolean paid() {
            return List.of("PAID", "SHIPPED", "DELIVERED").contains(status);
        }
    }

    /** A product's or producer's figures, as the API ranks them. */
    private record Rank(String id, String name, long units, BigDecimal revenue) {

        Rank plus(long moreUnits, BigDecimal moreRevenue) {
            return new Rank(id, name, units + moreUnits, revenue.add(moreRevenue));
        }

        String text() {
            return id + " " + name + " " + units + " " + revenue.stripTrailingZeros().toPlainString();
        }
    }

    @Test
    void computesTheFiguresOfTheDaysOfKnownOrders() {
        Product candles = available(0);
        Product croissants = available(1);
        Product juice = available(2);
        Product apples = available(3);
        List<Placed> orders = new ArrayList<>();
        orders.add(order("DELIVERED", item(candles, 2), item(croissants, 1)));
        orders.add(order("PAID", item(juice, 3)));
        orders.add(order("SHIPPED", item(candles, 1), item(apples, 2)));
        orders.add(order("CANCELLED", item(croissants, 4)));
        orders.add(order("CANCELLED_AFTER_PAYMENT", item(juice, 1)));
        orders.add(order("PENDING", item(apples, 1)));
        LocalDate from = orders.stream().map(Placed::day).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate to = orders.stream().map(Placed::day).max(Comparator.naturalOrder()).orElseThrow();

        JsonNode figures = api.get("/analytics?from=" + from + "&to=" + to).expect(200).json();

        List<Placed> paid = orders.stream().filter(Placed::paid).toList();
        BigDecimal revenue = paid.stream().map(Placed::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(figures.get("from").asString()).isEqualTo(from.toString());
        assertThat(figures.get("to").asString()).isEqualTo(to.toString());
        assertThat(figures.get("currency").asString()).isEqualTo("EUR");
        assertThat(figures.get("totalOrders").asLong()).isEqualTo(6);
        assertThat(figures.get("completedOrders").asLong()).isEqualTo(1);
        assertThat(figures.get("cancelledOrders").asLong()).isEqualTo(2);
        assertThat(figures.get("completionRate").decimalValue())
                .isEqualByComparingTo(BigDecimal.ONE.divide(BigDecimal.valueOf(6), 4, RoundingMode.HALF_EVEN));
        assertThat(figures.get("paidOrders").asLong()).isEqualTo(3);
        assertThat(figures.get("revenue").decimalValue()).isEqualByComparingTo(revenue);
        assertThat(figures.get("averageOrderValue").decimalValue())
                .isEqualByComparingTo(revenue.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_EVEN));

        Map<LocalDate, List<Placed>> paidByDay = new TreeMap<>();
        paid.forEach(o -> paidByDay.computeIfAbsent(o.day(), d -> new ArrayList<>()).add(o));
        assertThat(figures.get("revenuePerDay").valueStream().map(d -> d.get("day").asString() + " "
                + d.get("orders").asLong() + " " + d.get("revenue").decimalValue().stripTrailingZeros().toPlainString()))
                .containsExactlyElementsOf(paidByDay.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()
                        + " " + e.getValue().stream().map(Placed::total).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .stripTrailingZeros().toPlainString()).toList());

        Map<String, Rank> byProduct = new LinkedHashMap<>();
        Map<String, Rank> byProducer = new LinkedHashMap<>();
        for (Placed order : paid) {
            for (Item item : order.items()) {
                Product p = item.product();
                byProduct.merge(p.id(), new Rank(p.id(), p.name(), item.quantity(), item.subtotal()),
                        (a, b) -> a.plus(b.units(), b.revenue()));
                byProducer.merge(p.producerId(), new Rank(p.producerId(), p.producerName(), item.quantity(),
                        item.subtotal()), (a, b) -> a.plus(b.units(), b.revenue()));
            }
        }
        assertThat(ranks(figures.get("topProducts"), "productId", "productName"))
                .containsExactlyElementsOf(ranked(byProduct));
        assertThat(ranks(figures.get("topProducers"), "producerId", "producerName"))
                .containsExactlyElementsOf(ranked(byProducer));
        assertThat(byProducer).hasSizeLessThan(byProduct.size());

        String producer = candles.producerId();
        JsonNode own = api.get("/analytics?from=" + from + "&to=" + to + "&producerId=" + producer).expect(200).json();
        assertThat(own.get("totalOrders").asLong()).as("orders with the producer's products").isEqualTo(orders.stream()
                .filter(o -> o.items().stream().anyMatch(i -> i.product().producerId().equals(producer))).count());
        assertThat(own.get("revenue").decimalValue()).as("the producer's lines of paid orders").isEqualByComparingTo(
                paid.stream().flatMap(o -> o.items().stream()).filter(i -> i.product().producerId().equals(producer))
                        .map(Item::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(ranks(own.get("topProducers"), "producerId", "producerName"))
                .containsExactly(byProducer.get(producer).text());
        Map<String, Rank> theirProducts = new LinkedHashMap<>(byProduct);
        theirProducts.keySet().removeIf(id -> products.stream()
                .noneMatch(p -> p.id().equals(id) && p.producerId().equals(producer)));
        assertThat(ranks(own.get("topProducts"), "productId", "productName"))
                .containsExactlyElementsOf(ranked(theirProducts));
    }

    @Test
    void reportsZerosForDaysWithoutOrders() {
        JsonNode figures = api.get("/analytics?from=2001-01-01&to=2001-01-31").expect(200).json();

        assertThat(figures.get("totalOrders").asLong()).isZero();
        assertThat(figures.get("completionRate").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(figures.get("revenue").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(figures.get("averageOrderValue").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(figures.get("revenuePerDay").size()).isZero();
        assertThat(figures.get("topProducts").size()).isZero();
        assertThat(figures.get("topProducers").size()).isZero();
    }

    @Test
    void refusesARangeThatEndsBeforeItStartsAndParametersOutOfBounds() {
        assertThat(invalidFields(api.get("/analytics?from=2025-02-01&to=2025-01-01"))).isNotEmpty();
        assertThat(invalidFields(api.get("/analytics?currency=euro"))).containsExactly("currency");
        assertThat(invalidFields(api.get("/analytics?top=0"))).containsExactly("top");
        assertThat(invalidFields(api.get("/analytics?top=51"))).containsExactly("top");
        assertThat(invalidFields(api.get("/analytics?from=yesterday"))).containsExactly("from");
    }

    /** Places an order and takes it to the given status, waiting until the read model shows it there. */
    private Placed order(String status, Item... items) {
        JsonNode order = placed(newId(), items);
        String id = order.get("orderId").asString();
        List<String> steps = switch (status) {
            case "PENDING" -> List.of();
            case "PAID" -> List.of("pay");
            case "SHIPPED" -> List.of("pay", "ship");
            case "DELIVERED" -> List.of("pay", "ship", "deliver");
            case "CANCELLED" -> List.of("cancel");
            case "CANCELLED_AFTER_PAYMENT" -> List.of("pay", "cancel");
            default -> throw new IllegalArgumentException(status);
        };
        for (String step : steps) {
            (switch (step) {
                case "pay" -> payInFull(order);
                case "ship" -> ship(id);
                case "deliver" -> deliver(id);
                default -> cancel(id, "not wanted any more");
            }).expect(200);
        }
        JsonNode read = awaitOrder(id, 1 + steps.size()).json();
        String finalStatus = status.startsWith("CANCELLED") ? "CANCELLED" : status;
        assertThat(read.get("status").asString()).isEqualTo(finalStatus);
        return new Placed(Arrays.asList(items), finalStatus,
                LocalDate.ofInstant(Instant.parse(order.get("placedAt").asString()), ZoneOffset.UTC));
    }

    private static List<String> ranks(JsonNode ranking, String id, String name) {
        return ranking.valueStream().map(r -> new Rank(r.get(id).asString(), r.get(name).asString(),
                r.get("units").asLong(), r.get("revenue").decimalValue()).text()).toList();
    }

    /** Ranked as the API promises: by revenue, then units (both descending), then id; the top 5. */
    private static List<String> ranked(Map<String, Rank> ranks) {
        return ranks.values().stream()
                .sorted(Comparator.comparing(Rank::revenue).reversed()
                        .thenComparing(Comparator.comparingLong(Rank::units).reversed())
                        .thenComparing(Rank::id))
                .limit(5).map(Rank::text).toList();
    }
}
