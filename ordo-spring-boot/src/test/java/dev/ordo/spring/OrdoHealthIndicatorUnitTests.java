package dev.ordo.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.InMemoryDeadLetterStore;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.core.subscription.SubscriptionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code ordo} health's three states: UP, DEGRADED at each limit crossed (and UP again once back within it), DOWN
 * while the store does not answer.
 */
@SuppressWarnings("unchecked")
class OrdoHealthIndicatorUnitTests {

    /** At most 30 s or 1,000 events behind for subscriptions; one parked letter tolerated. */
    private static final OrdoProperties.Health LIMITS = new OrdoProperties.Health(
            new OrdoProperties.Lag(Duration.ofSeconds(30), 1_000),
            new OrdoProperties.Lag(Duration.ofSeconds(30), 1_000), 1);
    private static final Origin ORDERS = Origin.subscription("orders");
    private static final Origin SHIPPING = Origin.sagaStep("shipping");

    private final AtomicReference<List<SubscriptionStatus>> statuses = new AtomicReference<>(List.of(live("orders")));
    private final InMemoryDeadLetterStore deadLetters = new InMemoryDeadLetterStore();
    private final OrdoHealthIndicator health = indicator(() -> 42);

    private OrdoHealthIndicator indicator(LongSupplier head) {
        return new OrdoHealthIndicator("sqlite", head, statuses::get, deadLetters, LIMITS);
    }

    private static SubscriptionStatus live(String name) {
        return new SubscriptionStatus(name, SubscriptionStatus.State.LIVE, 42, 42, 0, 0, 0, null, Instant.EPOCH);
    }

    private static SubscriptionStatus behind(String name, long events, double seconds) {
        return new SubscriptionStatus(name, SubscriptionStatus.State.CATCHING_UP, 42 - events, 42, events, seconds, 0,
                null, Instant.EPOCH);
    }

    private DeadLetter park(Origin origin) {
        FailedMessage message = new FailedMessage(UUID.randomUUID().toString(), "order.placed.v1", "{}", 7L, Map.of());
        return deadLetters.recordFailure(origin, "order-1", message,
                new Failure("java.lang.IllegalStateException", "boom", "boom"),
                DeadLetterPolicy.builder().maxAttempts(1).build());
    }

    private static List<String> degradedBy(Health health) {
        return (List<String>) health.getDetails().get("degradedBy");
    }

    @Test
    void isUpWithTheStoresHeadAndEachSubscriptionsProgressWhileNothingLagsOrWaits() {
        Health up = health.health();

        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("store", "sqlite").containsEntry("head", 42L)
                .doesNotContainKey("degradedBy");
        assertThat((Map<String, Object>) up.getDetails().get("subscriptions")).containsOnlyKeys("orders");
        assertThat((Map<String, Object>) up.getDetails().get("deadLetters")).containsEntry("parked", 0L);
    }

    @Test
    void isDownWhenTheStoreFailsToAnswer() {
        Health down = indicator(() -> {
            throw new EventStoreUnavailableException("connection refused");
        }).health();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("store", "sqlite");
        assertThat(down.getDetails().get("error").toString()).contains("connection refused");
    }

    @Test
    void isDownWhenTheStoreGivesNoAnswerWithinTheHealthChecksWait() {
        CountDownLatch never = new CountDownLatch(1);
        try {
            Health down = indicator(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42;
            }).health();

            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("error").toString()).contains("no answer within");
        } finally {
            never.countDown();
        }
    }

    @Test
    void isDegradedWhileASubscriptionKeepsFailingAndUpOnceItRecovers() {
        statuses.set(List.of(new SubscriptionStatus("orders", SubscriptionStatus.State.RETRYING, 40, 42, 2, 1.5, 3,
                "handler failed", Instant.EPOCH)));

        Health degraded = health.health();

        assertThat(degraded.getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        assertThat(degradedBy(degraded)).containsExactly("subscription orders keeps failing");
        assertThat((Map<String, Map<String, Object>>) degraded.getDetails().get("subscriptions"))
                .extractingByKey("orders").satisfies(detail -> assertThat(detail)
                        .containsEntry("failures", 3L).containsEntry("lastError", "handler failed"));
        statuses.set(List.of(live("orders")));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDegradedWhileASubscriptionLagsLongerThanItsMaxLagAndUpOnceItCatchesUp() {
        statuses.set(List.of(live("products"), behind("orders", 5, 30.0)));
        assertThat(health.health().getStatus()).as("exactly at the limit").isEqualTo(Status.UP);

        statuses.set(List.of(live("products"), behind("orders", 5, 30.5)));
        Health degraded = health.health();

        assertThat(degraded.getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        assertThat(degradedBy(degraded)).singleElement().asString()
                .isEqualTo("subscription orders lags 30.5 s behind the head, more than 30.0 s");
        statuses.set(List.of(live("products"), live("orders")));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDegradedWhileASubscriptionLagsMoreEventsThanItsMaxLagAndUpOnceItCatchesUp() {
        statuses.set(List.of(behind("orders", 1_000, 0.2)));
        assertThat(health.health().getStatus()).as("exactly at the limit").isEqualTo(Status.UP);

        statuses.set(List.of(behind("orders", 1_001, 0.2)));
        Health degraded = health.health();

        assertThat(degraded.getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        assertThat(degradedBy(degraded)).singleElement().asString()
                .isEqualTo("subscription orders lags 1001 events behind the head, more than 1000");
        statuses.set(List.of(live("orders")));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isDegradedWhileMoreDeadLettersAreParkedThanToleratedAndUpOnceTheyAreDiscarded() {
        park(ORDERS);
        assertThat(health.health().getStatus()).as("one parked letter is tolerated").isEqualTo(Status.UP);
        DeadLetter second = park(SHIPPING);
        DeadLetter third = park(SHIPPING);

        Health degraded = health.health();

        assertThat(degraded.getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        assertThat(degradedBy(degraded)).containsExactly(
                "3 dead letters parked, more than the 1 tolerated: waiting for an operator");
        assertThat((Map<String, Object>) degraded.getDetails().get("deadLetters")).containsEntry("parked", 3L)
                .containsEntry("parkedByOrigin", Map.of("saga-step:shipping", 2L, "subscription:orders", 1L));
        deadLetters.discard(second.id(), "operator", "not to be handled");
        assertThat(health.health().getStatus()).isEqualTo(OrdoHealthIndicator.DEGRADED);
        deadLetters.discard(third.id(), "operator", "not to be handled");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void namesEveryReasonWhenSeveralPartsAreBehind() {
        statuses.set(List.of(behind("orders", 2_000, 0.5), behind("products", 3, 45)));
        park(ORDERS);
        park(ORDERS);

        assertThat(degradedBy(health.health())).containsExactly(
                "subscription orders lags 2000 events behind the head, more than 1000",
                "subscription products lags 45.0 s behind the head, more than 30.0 s",
                "2 dead letters parked, more than the 1 tolerated: waiting for an operator");
    }
}
