package dev.ordo.marketplace.payments.app;

import dev.ordo.coordination.participant.Participant;
import dev.ordo.coordination.participant.ParticipantConfig;
import dev.ordo.coordination.participant.ParticipantException;
import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.Capture;
import dev.ordo.marketplace.payments.PaymentProvider;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.shared.Money;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/**
 * A {@link PaymentProvider} that protects every call as an Ordo coordination {@link Participant} named
 * {@value #NAME}, outermost first: a retry (exponential backoff with jitter, only for unavailability and time-outs; a
 * decline is an answer, not an error, and an open breaker is not retried), a Resilience4j circuit breaker (while open,
 * calls fail at once with {@link CallNotPermittedException} and never reach the provider), and a time limit (a call
 * that takes longer than {@link PaymentResilience#callTimeout()} is interrupted and fails with a
 * {@link TimeoutException}).
 *
 * <p>Failures reach the caller as {@link PaymentProviderUnavailableException} whose message says why (the provider's
 * error, a time-out, or the open breaker). Retrying is safe because the provider is idempotent by payment id.
 * Thread-safe.
 */
public final class ResilientPaymentProvider implements PaymentProvider {

    /** The name of the participant and its breaker, as metrics and health show it. */
    public static final String NAME = "payments";

    private final PaymentProvider provider;
    private final CircuitBreakerRegistry breakers;
    private final Participant participant;

    public ResilientPaymentProvider(PaymentProvider provider, PaymentResilience config) {
        this.provider = provider;
        this.breakers = CircuitBreakerRegistry.ofDefaults();
        this.participant = Participant.of(NAME, ParticipantConfig.builder()
                .timeLimit(config.callTimeout())
                .retry(config.maxAttempts(), config.initialBackoff())
                .backoffMultiplier(2.0)
                .jitter(0.5)
                .maxBackoff(config.maxBackoff())
                .retryOn(PaymentProviderUnavailableException.class, TimeoutException.class)
                .circuitBreaker(CircuitBreakerConfig.custom()
                        .failureRateThreshold(config.failureRateThreshold())
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(config.slidingWindowSize())
                        .minimumNumberOfCalls(config.minimumCalls())
                        .waitDurationInOpenState(config.waitInOpenState())
                        .permittedNumberOfCallsInHalfOpenState(config.halfOpenCalls())
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .recordExceptions(PaymentProviderUnavailableException.class, TimeoutException.class)
                        .build())
                .build(), breakers);
    }

    @Override
    public Authorization authorize(String paymentId, Money amount, String method) {
        return call("authorize " + paymentId, () -> provider.authorize(paymentId, amount, method));
    }

    @Override
    public Capture capture(String paymentId) {
        return call("capture " + paymentId, () -> provider.capture(paymentId));
    }

    @Override
    public Refund refund(String paymentId) {
        return call("refund " + paymentId, () -> provider.refund(paymentId));
    }

    /** The breaker, to read its state (health, tests) or reset it. */
    public CircuitBreaker circuitBreaker() {
        return participant.circuitBreaker();
    }

    /** The registry of the breaker, for its metrics. */
    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    private <T> T call(String what, Callable<T> call) {
        try {
            return participant.call(call);
        } catch (PaymentProviderUnavailableException e) {
            throw new PaymentProviderUnavailableException("payment service unavailable: " + e.getMessage(), e);
        } catch (CallNotPermittedException e) {
            // the exception names the breaker's state; reading it again here threw IncompatibleClassChangeError
            // from CircuitBreakerStateMachine.getState under load (Resilience4j 2.4.0, JDK 25), cutting sagas short
            throw new PaymentProviderUnavailableException("payment service unavailable: " + e.getMessage()
                    + ", calls fail fast", e);
        } catch (ParticipantException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new PaymentProviderUnavailableException("payment service unavailable: " + what
                        + " gave no answer within " + participant.config().timeLimit(), cause);
            }
            if (cause instanceof InterruptedException) {
                throw new PaymentProviderUnavailableException(what + " was interrupted", cause);
            }
            throw new PaymentProviderUnavailableException("payment service unavailable: " + cause.getMessage(), cause);
        }
    }
}
