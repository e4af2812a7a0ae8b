package dev.ordo.marketplace.payments.fake;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link FakePaymentProvider} behaves. Immutable.
 *
 * @param latency     how long every call takes
 * @param declineRate the share of new payments declined, from 0 to 1 (declines are final)
 * @param timeoutRate the share of calls that hang (far longer than any caller waits), from 0 to 1
 * @param outage      when true, every call fails at once with "service unavailable"
 */
public record FakePaymentSettings(Duration latency, double declineRate, double timeoutRate, boolean outage) {

    public FakePaymentSettings {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        requireRate(declineRate, "declineRate");
        requireRate(timeoutRate, "timeoutRate");
    }

    /** 20 ms per call, no declines, no time-outs, no outage. */
    public static FakePaymentSettings ofDefaults() {
        return new FakePaymentSettings(Duration.ofMillis(20), 0, 0, false);
    }

    public FakePaymentSettings withLatency(Duration value) {
        return new FakePaymentSettings(value, declineRate, timeoutRate, outage);
    }

    public FakePaymentSettings withDeclineRate(double value) {
        return new FakePaymentSettings(latency, value, timeoutRate, outage);
    }

    public FakePaymentSettings withTimeoutRate(double value) {
        return new FakePaymentSettings(latency, declineRate, value, outage);
    }

    public FakePaymentSettings withOutage(boolean value) {
        return new FakePaymentSettings(latency, declineRate, timeoutRate, value);
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
