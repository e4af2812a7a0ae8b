package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterQuery;
import dev.ordo.core.deadletter.DeadLetterStateException;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.InMemoryDeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import dev.ordo.core.store.ExpectedVersion;
import dev.ordo.core.subscription.HeadSignal;
import dev.ordo.core.subscription.PoisonPolicy;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.test.contract.ContractEvents;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A projection that parks poison events in the JDBC dead-letter store of its own database: every other event is
 * applied exactly once, and a redriven one once more, in the order the poison policy promises.
 */
abstract class JdbcDeadLetterProjectionsContract {

    static final DeadLetterPolicy FAST = DeadLetterPolicy.builder().maxAttempts(3)
            .initialDelay(Duration.ofMillis(10)).multiplier(2).maxDelay(Duration.ofMillis(40)).jitter(0).build();
    private static final Origin ORIGIN = Origin.subscription("applied-events");

    protected OrdoDatabase database;
    private JdbcEventStore store;
    private JdbcDeadLetterStore deadLetters;
    private Subscriptions subscriptions;
    protected JdbcProjections projections;
    protected final Set<UUID> poison = ConcurrentHashMap.newKeySet();

    /** A fresh, migrated, empty database. */
    abstract OrdoDatabase openDatabase() throws Exception;

    /** Releases what {@link #openDatabase()} opened besides the database, once everything else is closed. */
    void release() {
    }

    @BeforeEach
    void setUp() throws Exception {
        database = openDatabase();
        store = JdbcEventStore.create(database);
        deadLetters = JdbcDeadLetterStore.create(database);
        HeadSignal signal = new HeadSignal();
        store.onCommit(signal::advance);
        subscriptions = new Subscriptions(store, signal, null, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        if (projections != null) {
            projections.close();
        }
        subscriptions.close();
        store.close();
        database.close();
        release();
    }

    protected Subscription start(PoisonPolicy policy) {
        return start(policy, new AppliedEventsProjection(poison), deadLetters);
    }

    /** Starts the projection with its letters in a dead-letter store, closing the projections started before. */
    protected Subscription start(PoisonPolicy policy, JdbcProjection projection, DeadLetterStore letters) {
        if (projections != null) {
            projections.close();
        }
        SubscriptionOptions options = SubscriptionOptions.defaults().withPollInterval(Duration.ofHours(1))
                .withBatchSize(3).withMaxBackoff(Duration.ofMillis(100)).withDeadLetters(policy, letters, FAST);
        projections = new JdbcProjections(database, store, subscriptions, options);
        projections.start(projection);
        return projections.subscription("applied-events").orElseThrow();
    }

    /** Appends one event to each cart, in order, and returns them as recorded. */
    protected List<RecordedEvent> append(String... carts) {
        long from = store.headPosition() + 1;
        for (String cart : carts) {
            store.append(StreamId.of(cart), ExpectedVersion.any(), List.of(ContractEvents.itemAdded("tea", 1)));
        }
        return store.readAll(from, carts.length);
    }

    private DeadLetter letterOf(RecordedEvent event) {
        return deadLetters.find(ORIGIN, event.eventId().toString()).orElseThrow();
    }

    /** Every letter in the projection's database. */
    protected List<DeadLetter> letters() {
        return deadLetters.list(DeadLetterQuery.all().page(0, DeadLetterQuery.MAX_LIMIT));
    }

    /** The checkpoint of the live projection, as stored. */
    protected long checkpoint() {
        return JdbcCheckpointStore.create(database).load("applied-events");
    }

    /** The applied positions in the order they were applied, of every cart or of one. */
    protected List<Long> applied(String cart) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (Connection connection = database.readDataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT position FROM applied_events WHERE stream_id = ? OR ? IS NULL ORDER BY applied_order")) {
            select.setString(1, cart);
            select.setString(2, cart);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                }
            }
        }
        return positions;
    }

    @Test
    void parksAPoisonEventAndAppliesEveryOtherEventExactlyOnceThenAppliesItOnRedrive() throws Exception {
        List<RecordedEvent> events = append("cart-1", "cart-1", "cart-1", "cart-2", "cart-2");
        RecordedEvent bad = events.get(1);
        poison.add(bad.eventId());

        Subscription subscription = start(PoisonPolicy.PARK_AND_CONTINUE);

        await().atMost(20, TimeUnit.SECONDS).until(() -> subscription.status().checkpoint() == 5);
        assertThat(applied(null)).containsExactly(1L, 3L, 4L, 5L);
        DeadLetter parked = letterOf(bad);
        assertThat(parked.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(parked.attempts()).isEqualTo(FAST.maxAttempts());
        assertThat(parked.failure().message()).isEqualTo("cannot apply event " + bad.eventId());
        assertThat(parked.failure().stackTrace()).contains("AppliedEventsProjection.apply");

        poison.clear();
        deadLetters.redrive(parked.id(), "alice", "fixed");

        await().atMost(20, TimeUnit.SECONDS).until(() -> letterOf(bad).status() == DeadLetterStatus.RESOLVED);
        assertThat(applied(null)).containsExactly(1L, 3L, 4L, 5L, 2L);
        assertThat(subscription.status().checkpoint()).isEqualTo(5);
    }

    @Test
    void holdsBackThePoisonStreamAndAppliesItInOrderAfterTheRedrive() throws Exception {
        List<RecordedEvent> events = append("cart-1", "cart-2", "cart-1", "cart-2", "cart-1");
        RecordedEvent bad = events.get(2);
        poison.add(bad.eventId());

        Subscription subscription = start(PoisonPolicy.STOP_STREAM);

        assertThat(subscription.awaitPosition(5, Duration.ofSeconds(20))).isTrue();
        assertThat(applied("cart-1")).containsExactly(1L);
        assertThat(applied("cart-2")).containsExactly(2L, 4L);
        assertThat(letterOf(events.get(4)).failure().isHeldBack()).isTrue();

        poison.clear();
        deadLetters.redrive(letterOf(bad).id(), "alice", "fixed");
        append("cart-1");

        await().atMost(20, TimeUnit.SECONDS).until(() -> applied(null).size() == 6);
        assertThat(applied("cart-1")).containsExactly(1L, 3L, 5L, 6L);
        assertThat(applied(null)).doesNotHaveDuplicates();
        assertThat(letterOf(events.get(4)).status()).isEqualTo(DeadLetterStatus.RESOLVED);
    }

    @Test
    void aRebuildResolvesTheLettersOfTheEventsItAppliedSoTheirStreamFlowsAgain() throws Exception {
        List<RecordedEvent> events = append("cart-1", "cart-1", "cart-2", "cart-1");
        RecordedEvent bad = events.get(1);
        poison.add(bad.eventId());
        Subscription subscription = start(PoisonPolicy.STOP_STREAM);
        assertThat(subscription.awaitPosition(4, Duration.ofSeconds(20))).isTrue();
        assertThat(letterOf(events.get(3)).failure().isHeldBack()).isTrue();
        poison.clear();

        projections.rebuild("applied-events").get(30, TimeUnit.SECONDS);

        for (RecordedEvent covered : List.of(bad, events.get(3))) {
            assertThat(letterOf(covered).status()).isEqualTo(DeadLetterStatus.RESOLVED);
            assertThat(deadLetters.history(letterOf(covered).id()).getLast())
                    .extracting(DeadLetterAction::actor, DeadLetterAction::note)
                    .containsExactly(ORIGIN.toString(), "applied by the rebuild of applied-events to version 1");
        }
        assertThat(applied(null)).containsExactly(1L, 2L, 3L, 4L);
        append("cart-1");
        await().atMost(20, TimeUnit.SECONDS).until(() -> applied(null).size() == 5);
        assertThat(applied("cart-1")).containsExactly(1L, 2L, 4L, 5L);
        assertThatThrownBy(() -> deadLetters.redrive(letterOf(bad).id(), "alice", "too late"))
                .isInstanceOf(DeadLetterStateException.class);
    }

    @Test
    void aRebuildResolvesAParkedLetterSoThatNoRedriveAppliesItsEventTwice() throws Exception {
        List<RecordedEvent> events = append("cart-1", "cart-1", "cart-2");
        RecordedEvent bad = events.get(1);
        poison.add(bad.eventId());
        Subscription subscription = start(PoisonPolicy.PARK_AND_CONTINUE);
        await().atMost(20, TimeUnit.SECONDS).until(() -> subscription.status().checkpoint() == 3);
        poison.clear();

        projections.rebuild("applied-events").get(30, TimeUnit.SECONDS);

        assertThat(letterOf(bad).status()).isEqualTo(DeadLetterStatus.RESOLVED);
        assertThat(applied(null)).containsExactly(1L, 2L, 3L);
        assertThat(letters()).allMatch(letter -> !letter.isOpen());
    }

    @Test
    void aRebuildResolvesTheCoveredLettersOfADeadLetterStoreElsewhere() throws Exception {
        InMemoryDeadLetterStore elsewhere = new InMemoryDeadLetterStore();
        List<RecordedEvent> events = append("cart-1", "cart-1", "cart-2", "cart-1");
        RecordedEvent bad = events.get(1);
        poison.add(bad.eventId());
        Subscription subscription = start(PoisonPolicy.STOP_STREAM, new AppliedEventsProjection(poison), elsewhere);
        assertThat(subscription.awaitPosition(4, Duration.ofSeconds(20))).isTrue();
        poison.clear();

        projections.rebuild("applied-events").get(30, TimeUnit.SECONDS);

        assertThat(elsewhere.list(DeadLetterQuery.all())).hasSize(2)
                .allMatch(letter -> letter.status() == DeadLetterStatus.RESOLVED);
        append("cart-1");
        await().atMost(20, TimeUnit.SECONDS).until(() -> applied(null).size() == 5);
        assertThat(applied("cart-1")).containsExactly(1L, 2L, 4L, 5L);
    }
}
