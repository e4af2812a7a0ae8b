package dev.ordo.marketplace.inventory.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.marketplace.platform.wiring.EventJson;
import dev.ordo.marketplace.inventory.Stock;
import dev.ordo.marketplace.shared.ProductId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StockStateCodecUnitTests {

    private final StateCodec<Stock> codec = StockStateCodec.create(EventJson.mapper());
    private final ProductId board = ProductId.of(UUID.fromString("0195f3a0-0000-7000-8000-000000000001"));

    @Test
    void aSnapshotReadsBackAsTheSameStockWithItsSettledIdsInTheOrderTheySettled() {
        Stock stock = new Stock.Stocked(board, 7, 3, Map.of("open-1", 3), List.of("r-9", "r-2", "r-5"));

        String json = codec.encode(stock);
        Stock read = codec.decode(json);

        assertThat(json).contains("\"settled\":[\"r-9\",\"r-2\",\"r-5\"]");
        assertThat(read).isEqualTo(stock).isInstanceOfSatisfying(Stock.Stocked.class, s -> {
            assertThat(s.settled()).containsExactly("r-9", "r-2", "r-5");
            assertThat(s.isSettled("r-2")).isTrue();
            assertThat(s.isSettled("open-1")).isFalse();
            assertThat(s.reservations()).containsExactlyEntriesOf(Map.of("open-1", 3));
        });
    }

    @Test
    void aSnapshotWithMoreSettledIdsThanTheStockRemembersKeepsTheNewest() {
        List<String> ids = IntStream.range(0, Stock.Stocked.SETTLED_MEMORY + 3)
                .mapToObj(i -> "r" + i).toList();

        Stock read = codec.decode(codec.encode(new Stock.Stocked(board, 1, 0, Map.of(), ids)));

        assertThat(read).isInstanceOfSatisfying(Stock.Stocked.class, s -> {
            assertThat(s.settled()).hasSize(Stock.Stocked.SETTLED_MEMORY).startsWith("r3");
            assertThat(s.isSettled("r2")).isFalse();
        });
    }
}
