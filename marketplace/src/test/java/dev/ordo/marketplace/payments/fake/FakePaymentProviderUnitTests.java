package dev.ordo.marketplace.payments.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakePaymentProviderUnitTests {

    private static final Money TEN = Money.of("10.00", "EUR");

    private final FakePaymentProvider provider = new FakePaymentProvider(
            FakePaymentSettings.ofDefaults().withLatency(Duration.ZERO), Clock.systemUTC());
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        provider.releaseHangs();
        threads.shutdownNow();
    }

    @Test
    void chargesOncePerPaymentIdHoweverOftenItIsAuthorizedAndCaptured() {
        for (int i = 0; i < 3; i++) {
            assertThat(provider.authorize("p-1", TEN, "CARD")).isInstanceOf(Authorization.Approved.class);
            assertThat(provider.capture("p-1").amount()).isEqualTo(TEN);
        }

        assertThat(provider.ledger().charges()).singleElement()
                .satisfies(charge -> assertThat(charge.paymentId()).isEqualTo("p-1"));
        assertThat(provider.calls()).isEqualTo(6);
    }

    @Test
    void anAmountFromTheCardLimitOnIsDeclinedForGoodAndOneBelowItIsApproved() {
        provider.configure(provider.settings().withCardLimit(new BigDecimal("1000")));

        assertThat(provider.authorize("p-over", Money.of("1000.00", "EUR"), "CARD"))
                .isEqualTo(new Authorization.Declined("p-over", "over the card's limit (CARD)"));
        assertThat(provider.authorize("p-over", Money.of("1000.00", "EUR"), "CARD"))
                .isInstanceOf(Authorization.Declined.class);
        assertThat(provider.authorize("p-below", Money.of("999.99", "EUR"), "CARD"))
                .isInstanceOf(Authorization.Approved.class);
        assertThat(provider.ledger().charges()).isEmpty();
    }

    @Test
    void refundsACaptureOnceAndThenHasNothingToRefund() {
        provider.authorize("p-1", TEN, "CARD");
        provider.capture("p-1");

        assertThat(provider.refund("p-1")).isEqualTo(new Refund.Refunded("p-1", TEN));
        assertThat(provider.refund("p-1")).isEqualTo(new Refund.NothingToRefund("p-1"));
        assertThat(provider.refund("never-seen")).isEqualTo(new Refund.NothingToRefund("never-seen"));
        assertThat(provider.ledger().refunds()).hasSize(1);
    }

    @Test
    void aRefundOfAPaymentItNeverSawVoidsItSoALateChargeWithThatIdIsDeclined() {
        assertThat(provider.refund("late")).isEqualTo(new Refund.NothingToRefund("late"));

        assertThat(provider.authorize("late", TEN, "CARD")).isInstanceOfSatisfying(Authorization.Declined.class,
                declined -> assertThat(declined.reason()).contains("cancelled before it was authorized"));
        assertThatThrownBy(() -> provider.capture("late")).isInstanceOf(IllegalStateException.class);
        assertThat(provider.ledger().charges()).isEmpty();
    }

    @Test
    void aDeclineIsFinalEvenWhenDeclinesStop() {
        provider.configure(provider.settings().withDeclineRate(1));
        assertThat(provider.authorize("p-1", TEN, "CARD")).isInstanceOf(Authorization.Declined.class);

        provider.configure(provider.settings().withDeclineRate(0));

        assertThat(provider.authorize("p-1", TEN, "CARD")).isInstanceOf(Authorization.Declined.class);
        assertThat(provider.authorize("p-2", TEN, "CARD")).isInstanceOf(Authorization.Approved.class);
        assertThatThrownBy(() -> provider.capture("p-1")).isInstanceOf(IllegalStateException.class);
        assertThat(provider.ledger().charges()).isEmpty();
    }

    @Test
    void duringAnOutageEveryCallFailsAtOnceWithServiceUnavailable() {
        provider.configure(provider.settings().withLatency(Duration.ofSeconds(30)));
        provider.outage(true);

        long started = System.nanoTime();
        assertThatThrownBy(() -> provider.authorize("p-1", TEN, "CARD"))
                .isInstanceOf(PaymentProviderUnavailableException.class).hasMessageContaining("service unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

        provider.outage(false);
        provider.configure(provider.settings().withLatency(Duration.ZERO));
        assertThat(provider.authorize("p-1", TEN, "CARD")).isInstanceOf(Authorization.Approved.class);
    }

    @Test
    void everyCallTakesTheConfiguredLatency() {
        provider.configure(provider.settings().withLatency(Duration.ofMillis(150)));

        long started = System.nanoTime();
        provider.authorize("p-1", TEN, "CARD");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void aCallThatTimesOutHangsLongerThanTheCallerWaitsUntilItIsAbandoned() throws Exception {
        provider.configure(provider.settings().withTimeoutRate(1));

        Future<Authorization> call = threads.submit(() -> provider.authorize("p-1", TEN, "CARD"));

        assertThatThrownBy(() -> call.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        call.cancel(true);
        assertThat(provider.calls()).isEqualTo(1);
    }

    @Test
    void canHangRightAfterChargingLikeAProviderThatLostTheConnection() throws Exception {
        provider.authorize("p-1", TEN, "CARD");
        var hung = provider.hangAfterNextCapture();

        CompletableFuture<Void> capture = CompletableFuture.runAsync(() -> provider.capture("p-1"), threads);

        assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(capture).isNotDone();
        assertThat(provider.ledger().charges()).hasSize(1);
        provider.releaseHangs();
        capture.get(10, TimeUnit.SECONDS);
        provider.capture("p-1");
        assertThat(provider.ledger().charges()).hasSize(1);
    }
}
