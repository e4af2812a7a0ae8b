package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventData;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.test.contract.ContractEvents;
import dev.ordo.test.faults.FaultyDataSource;
import dev.ordo.test.faults.FaultyDataSource.Call;
import dev.ordo.test.faults.FaultyDataSource.When;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Projections on one database kind: exactly-once application, restarts, and rebuilds without downtime. */
abstract class JdbcProjectionsContract {

    static final SubscriptionOptions OPTIONS = SubscriptionOptions.defaults()
            .withPollInterval(Duration.ofHours(1)).withBatchSize(3).withMaxBackoff(Duration.ofMillis(200));

    protected OrdoDatabase database;
    private JdbcEventStore store;
    private final List<AutoCloseable> open = new ArrayList<>();

    /** A fresh, migrated, empty database. */
    abstract OrdoDatabase openDatabase() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        database = openDatabase();
        store = JdbcEventStore.create(database);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        store.close();
        database.close();
    }

    private JdbcProjections projections() {
        return projections(database);
    }

    private JdbcProjections projections(OrdoDatabase database) {
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);
        Subscriptions subscriptions = new Subscriptions(store, signal, null, Clock.systemUTC());
        JdbcProjections projections = new JdbcProjections(database, store, subscriptions, OPTIONS);
        open.add(subscriptions);
        open.add(projections);
        return projections;
    }

    private void addItems(String cart, int... quantities) {
        List<EventData> events = new ArrayList<>();
        for (int quantity : quantities) {
            events.add(ContractEvents.itemAdded("sku-" + quantity, quantity));
        }
        store.append(StreamId.of(cart), ExpectedVersion.any(), events);
    }

    private void awaitCaughtUp(JdbcProjections projections) {
        long head = store.headPosition();
        await().atMost(20, TimeUnit.SECONDS).until(() -> projections.subscription("cart-items")
                .map(s -> s.status().checkpoint() >= head || s.status().lagEvents() == 0 && s.status().head() >= head)
                .orElse(false));
    }

    private Map<String, List<Object>> rows() throws SQLException {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        try (Connection connection = database.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM cart_items ORDER BY stream_id");
             ResultSet rs = select.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> values = new ArrayList<>();
                for (int c = 2; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    values.add(value instanceof Number n ? n.longValue() : value);
                }
                rows.put(rs.getString(1), values);
            }
        }
        return rows;
    }

    @Test
    void createsItsTablesAndAppliesEveryEventOnce() throws SQLException {
        addItems("cart-1", 1, 2, 3);
        addItems("cart-2", 5);
        addItems("order-1", 100);
        JdbcProjections projections = projections();

        projections.start(CartItemsProjection.version1());
        awaitCaughtUp(projections);
        addItems("cart-2", 4);
        awaitCaughtUp(projections);

        assertThat(rows()).containsExactly(
                Map.entry("cart-1", List.of(6L, 3L)),
                Map.entry("cart-2", List.of(9L, 2L)));
    }

    @Test
    void aPageThatFailsHalfwayIsRolledBackWithItsCheckpointAndAppliedOnceOnRetry() throws SQLException {
        addItems("cart-1", 1, 2, 3, 4, 5);
        JdbcProjections projections = projections();

        projections.start(new CartItemsProjection(1, e -> e.streamVersion() == 2, new CountDownLatch(0)));
        awaitCaughtUp(projections);

        assertThat(rows()).containsExactly(Map.entry("cart-1", List.of(15L, 5L)));
        assertThat(projections.subscription("cart-items").orElseThrow().status().failures()).isEqualTo(1);
    }

    @Test
    void aRestartContinuesFromTheCheckpointWithoutApplyingAnythingTwice() throws Exception {
        addItems("cart-1", 1, 2);
        JdbcProjections first = projections();
        first.start(CartItemsProjection.version1());
        awaitCaughtUp(first);
        first.close();
        addItems("cart-1", 10);

        JdbcProjections second = projections();
        second.start(CartItemsProjection.version1());
        awaitCaughtUp(second);

        assertThat(rows()).containsExactly(Map.entry("cart-1", List.of(13L, 3L)));
    }

    @Test
    void aPageWhoseCommitAnswerWasLostIsNotAppliedAgainWhenTheSubscriptionRetriesIt() throws Exception {
        addItems("cart-1", 1, 2);
        FaultyDataSource writes = FaultyDataSource.wrap(database.writeDataSource());
        JdbcProjections projections = projections(database.withWriter(writes));
        projections.start(CartItemsProjection.version1());
        awaitCaughtUp(projections);

        writes.fail(When.AFTER, Call::commits, 1, () -> FaultyDataSource.connectionLost("after the commit"));
        addItems("cart-1", 10, 20);
        awaitCaughtUp(projections);
        addItems("cart-1", 100);
        awaitCaughtUp(projections);

        assertThat(writes.injected()).isEqualTo(1);
        assertThat(projections.subscription("cart-items").orElseThrow().status().failures()).isEqualTo(1);
        assertThat(rows()).containsExactly(Map.entry("cart-1", List.of(133L, 5L)));
    }

    @Test
    void aCrashInTheMiddleOfAPageLeavesTheReadModelAndCheckpointAsTheyWereAndARestartAppliesEveryEventOnce()
            throws Exception {
        addItems("cart-1", 1, 2);
        JdbcProjections first = projections();
        first.start(CartItemsProjection.version1());
        awaitCaughtUp(first);
        first.close();
        addItems("cart-1", 3, 4, 5);
        CrashingProjection dying = new CrashingProjection(CartItemsProjection.version1(), e -> e.position() == 4);

        JdbcProjections crashed = projections();
        crashed.start(dying);
        await().atMost(20, TimeUnit.SECONDS).until(() -> dying.crashes() > 0);
        crashed.close();

        assertThat(rows()).containsExactly(Map.entry("cart-1", List.of(3L, 2L)));
        assertThat(JdbcCheckpointStore.create(database).load("cart-items")).isEqualTo(2);
        JdbcProjections restarted = projections();
        restarted.start(CartItemsProjection.version1());
        awaitCaughtUp(restarted);
        assertThat(rows()).containsExactly(Map.entry("cart-1", List.of(15L, 5L)));
        assertThat(JdbcCheckpointStore.create(database).load("cart-items")).isEqualTo(5);
    }

    @Test
    void theNewCodeOfAVersionChangeIsNeverFedToTheOldTablesWhileTheyServeTheRebuild() throws Exception {
        addItems("cart-1", 1, 2);
        JdbcProjections first = projections();
        first.start(CartItemsProjection.version1());
        awaitCaughtUp(first);
        first.close();
        addItems("cart-2", 6);
        CountDownLatch gate = new CountDownLatch(1);
        CartItemsProjection version2 = new CartItemsProjection(2, e -> false, gate);

        JdbcProjections second = projections();
        second.start(version2);
        await().atMost(20, TimeUnit.SECONDS).until(() -> !version2.appliedTo.isEmpty());
        assertThat(second.subscription("cart-items")).isEmpty();
        assertThat(rows()).containsExactly(Map.entry("cart-1", List.of(3L, 2L)));
        CompletableFuture<Void> rebuilt = second.rebuild("cart-items");
        gate.countDown();
        rebuilt.get(30, TimeUnit.SECONDS);

        assertThat(version2.appliedTo).hasSize(3).allMatch(table -> table.startsWith("cart_items__r"));
        assertThat(rows()).containsExactly(
                Map.entry("cart-1", List.of(3L, 2L, "sku-2")),
                Map.entry("cart-2", List.of(6L, 1L, "sku-6")));
        addItems("cart-2", 1);
        awaitCaughtUp(second);
        assertThat(version2.appliedTo.getLast()).isEqualTo("cart_items");
        assertThat(rows()).containsExactly(
                Map.entry("cart-1", List.of(3L, 2L, "sku-2")),
                Map.entry("cart-2", List.of(7L, 2L, "sku-1")));
    }

    @Test
    void aNewVersionIsRebuiltFromTheFirstEventWhileTheOldReadModelServesThenSwappedIn() throws Exception {
        addItems("cart-1", 1, 2);
        addItems("cart-2", 7);
        JdbcProjections first = projections();
        first.start(CartItemsProjection.version1());
        awaitCaughtUp(first);
        first.close();
        CountDownLatch gate = new CountDownLatch(1);

        JdbcProjections second = projections();
        second.start(new CartItemsProjection(2, e -> false, gate));
        CompletableFuture<Void> rebuilt = second.rebuild("cart-items");
        assertThat(rows()).containsExactly(
                Map.entry("cart-1", List.of(3L, 2L)),
                Map.entry("cart-2", List.of(7L, 1L)));
        gate.countDown();
        rebuilt.get(30, TimeUnit.SECONDS);
        addItems("cart-2", 1);
        awaitCaughtUp(second);

        assertThat(rows()).containsExactly(
                Map.entry("cart-1", List.of(3L, 2L, "sku-2")),
                Map.entry("cart-2", List.of(8L, 2L, "sku-1")));
    }

    @Test
    void anExplicitRebuildReplaysEverythingAndMatchesTheIncrementalReadModel() throws Exception {
        addItems("cart-1", 1, 2);
        JdbcProjections projections = projections();
        projections.start(CartItemsProjection.version1());
        awaitCaughtUp(projections);
        addItems("cart-3", 4, 4);
        awaitCaughtUp(projections);
        Map<String, List<Object>> incremental = rows();

        projections.rebuild("cart-items").get(30, TimeUnit.SECONDS);
        awaitCaughtUp(projections);

        assertThat(rows()).isEqualTo(incremental);
    }
}
