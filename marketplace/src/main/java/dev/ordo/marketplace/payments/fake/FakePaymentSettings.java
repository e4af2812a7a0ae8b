package dev.ordo.marketplace.payments.fake;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link FakePaymentProvider} behaves. Immutable.
 *
 * @param latency     how long every call takes
 * @param declineRate the share of new payments declined, from 0 to 1 (declines are final)
 * @param timeoutRate the share of calls that hang (far longer than any caller waits), from 0 to 1
 * @param outage      when true, every call fails at once with "service unavailable"
 * @param cardLimit   payments of this amount or more (in any currency) are declined as over the card's limit, as a
 *                    sandbox declines its test amounts; {@code null} for no limit
 */
public record FakePaymentSettings(Duration latency, double declineRate, double timeoutRate, boolean outage,
                                  BigDecimal cardLimit) {

    public FakePaymentSettings {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        requireRate(declineRate, "declineRate");
        requireRate(timeoutRate, "timeoutRate");
        if (cardLimit != null && cardLimit.signum() <= 0) {
            throw new IllegalArgumentException("cardLimit must be positive, was " + cardLimit);
        }
    }

    /** Settings without a card limit. */
    public FakePaymentSettings(Duration latency, double declineRate, double timeoutRate, boolean outage) {
        this(latency, declineRate, timeoutRate, outage, null);
    }

    /** 20 ms per call, no declines, no time-outs, no outage. */
    public static FakePaymentSettings ofDefaults() {
        return new FakePaymentSettings(Duration.ofMillis(20), 0, 0, false);
    }

    public FakePaymentSettings withLatency(Duration value) {
        return new FakePaymentSettings(value, declineRate, timeoutRate, outage, cardLimit);
    }

    public FakePaymentSettings withDeclineRate(double value) {
        return new FakePaymentSettings(latency, value, timeoutRate, outage, cardLimit);
    }

    public FakePaymentSettings withTimeoutRate(double value) {
        return new FakePaymentSettings(latency, declineRate, value, outage, cardLimit);
    }

    public FakePaymentSettings withOutage(boolean value) {
        return new FakePaymentSettings(latency, declineRate, timeoutRate, value, cardLimit);
    }

    public FakePaymentSettings withCardLimit(BigDecimal value) {
        return new FakePaymentSettings(latency, declineRate, timeoutRate, outage, value);
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
