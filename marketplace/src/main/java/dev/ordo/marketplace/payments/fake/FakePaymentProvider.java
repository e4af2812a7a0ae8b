package dev.ordo.marketplace.payments.fake;

import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.Capture;
import dev.ordo.marketplace.payments.PaymentProvider;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.shared.Money;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A payment provider in memory that behaves like a real one: each call takes {@link FakePaymentSettings#latency()},
 * a share of new payments is declined (for good), and so is any amount from the card limit on, a share of calls hangs far longer than a caller waits (until it is
 * interrupted or {@link #releaseHangs()}), and during an outage every call fails at once with "service unavailable".
 * Every call is idempotent by payment id; the {@link #ledger()} records each charge and refund once. Refunding a
 * payment it never saw voids the id, as cancelling a payment intent does at a real provider: a late authorization
 * with that id (a call whose outcome was unknown and that arrives after its compensation) is declined. The test hooks
 * ({@link #configure}, {@link #hangAfterNextCapture()}, {@link #calls()}, {@link #reset()}) change or read it while
 * it runs. Thread-safe.
 */
public final class FakePaymentProvider implements PaymentProvider {

    private static final Duration HANG = Duration.ofMinutes(10);

    /** VOIDED: refunded before it was ever authorized (a call whose outcome was unknown); it can never be charged. */
    private enum Stage { AUTHORIZED, DECLINED, CAPTURED, REFUNDED, VOIDED }

    private record Payment(String paymentId, Money amount, Stage stage, String declineReason) {
        Payment at(Stage next) {
            return new Payment(paymentId, amount, next, declineReason);
        }
    }

    private final Clock clock;
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final PaymentLedger ledger = new PaymentLedger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<CountDownLatch> hangAfterCapture = new AtomicReference<>();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile FakePaymentSettings settings;

    public FakePaymentProvider(FakePaymentSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Authorization authorize(String paymentId, Money amount, String method) {
        enter();
        FakePaymentSettings now = settings;
        Payment payment = payments.computeIfAbsent(paymentId, id -> {
            if (now.cardLimit() != null && amount.amount().compareTo(now.cardLimit()) >= 0) {
                return new Payment(id, amount, Stage.DECLINED, "over the card's limit (" + method + ")");
            }
            return ThreadLocalRandom.current().nextDouble() < now.declineRate()
                    ? new Payment(id, amount, Stage.DECLINED, "card declined by the issuer (" + method + ")")
                    : new Payment(id, amount, Stage.AUTHORIZED, null);
        });
        return switch (payment.stage()) {
            case DECLINED -> new Authorization.Declined(paymentId, payment.declineReason());
            case VOIDED -> new Authorization.Declined(paymentId, "the payment was cancelled before it was authorized");
            case AUTHORIZED, CAPTURED, REFUNDED -> new Authorization.Approved(paymentId, reference(paymentId),
                    payment.amount());
        };
    }

    @Override
    public Capture capture(String paymentId) {
        enter();
        boolean[] charged = {false};
        Payment payment = payments.compute(paymentId, (id, current) -> {
            if (current == null || current.stage() == Stage.DECLINED || current.stage() == Stage.REFUNDED
                    || current.stage() == Stage.VOIDED) {
                throw new IllegalStateException("payment " + id + " cannot be captured: it is "
                        + (current == null ? "unknown" : current.stage()));
            }
            if (current.stage() == Stage.AUTHORIZED) {
                charged[0] = true;
                ledger.charge(new PaymentLedger.Entry(id, current.amount(), clock.instant()));
                return current.at(Stage.CAPTURED);
            }
            return current;
        });
        CountDownLatch hung = charged[0] ? hangAfterCapture.getAndSet(null) : null;
        if (hung != null) {
            CountDownLatch gate = release;
            hung.countDown();
            hang(gate);
        }
        return new Capture(paymentId, reference(paymentId), payment.amount());
    }

    @Override
    public Refund refund(String paymentId) {
        enter();
        boolean[] refunded = {false};
        Payment payment = payments.compute(paymentId, (id, current) -> {
            if (current == null) {
                return new Payment(id, null, Stage.VOIDED, null);
            }
            if (current.stage() == Stage.AUTHORIZED || current.stage() == Stage.CAPTURED) {
                refunded[0] = true;
                if (current.stage() == Stage.CAPTURED) {
                    ledger.refund(new PaymentLedger.Entry(id, current.amount(), clock.instant()));
                }
                return current.at(Stage.REFUNDED);
            }
            return current;
        });
        return refunded[0] ? new Refund.Refunded(paymentId, payment.amount()) : new Refund.NothingToRefund(paymentId);
    }

    /** Changes how the provider behaves from the next call on. */
    public void configure(FakePaymentSettings value) {
        this.settings = Objects.requireNonNull(value, "settings");
    }

    public FakePaymentSettings settings() {
        return settings;
    }

    /** Starts or ends an outage. */
    public void outage(boolean on) {
        configure(settings.withOutage(on));
    }

    /**
     * Makes the next capture that charges hang right after charging, as a provider that took the money and then lost
     * the connection.
     *
     * @return a latch released when that capture hangs
     */
    public CountDownLatch hangAfterNextCapture() {
        CountDownLatch latch = new CountDownLatch(1);
        hangAfterCapture.set(latch);
        return latch;
    }

    /** Ends every call that hangs now. */
    public void releaseHangs() {
        CountDownLatch current = release;
        release = new CountDownLatch(1);
        current.countDown();
    }

    /** How many calls reached the provider (an open circuit breaker keeps them away). */
    public int calls() {
        return calls.get();
    }

    /** The money it moved. */
    public PaymentLedger ledger() {
        return ledger;
    }

    /** Back to the given settings, with no payments, calls or ledger entries; calls that hang are released. */
    public void reset(FakePaymentSettings value) {
        configure(value);
        hangAfterCapture.set(null);
        releaseHangs();
        payments.clear();
        ledger.clear();
        calls.set(0);
    }

    private void enter() {
        calls.incrementAndGet();
        FakePaymentSettings current = settings;
        if (current.outage()) {
            throw new PaymentProviderUnavailableException("service unavailable (503 from the payment provider)");
        }
        pause(current.latency());
        if (current.timeoutRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.timeoutRate()) {
            hang(release);
        }
    }

    /** Waits on the given gate, read before anyone could be told about the hang, so a release right after is seen. */
    private static void hang(CountDownLatch gate) {
        try {
            gate.await(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException("the call was abandoned while it hung", e);
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException("the call was abandoned", e);
        }
    }

    private static String reference(String paymentId) {
        return "psp_" + Integer.toHexString(paymentId.hashCode() & 0x7fffffff);
    }
}
