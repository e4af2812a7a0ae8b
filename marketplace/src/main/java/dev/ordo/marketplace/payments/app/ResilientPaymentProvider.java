package dev.ordo.marketplace.payments.app;

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
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PaymentProvider} that protects every call with Resilience4j, outermost first: a Retry (exponential backoff
 * with jitter, only for unavailability and time-outs; a decline is an answer, not an error, and an open breaker is
 * not retried), a CircuitBreaker named {@value #NAME} (while open, calls fail at once with
 * {@link CallNotPermittedException} and never reach the provider), and a TimeLimiter (a call that takes longer than
 * {@link PaymentResilience#callTimeout()} is interrupted and fails with a {@link TimeoutException}).
 *
 * <p>Failures reach the caller as {@link PaymentProviderUnavailableException} whose message says why (the provider's
 * error, a time-out, or the open breaker). Retrying is safe because the provider is idempotent by payment id.
 * Thread-safe; {@link #close()} abandons calls in flight.
 */
public final class ResilientPaymentProvider implements PaymentProvider, AutoCloseable {

    /** The name of the breaker, retry and time limiter, as metrics and health show it. */
    public static final String NAME = "payments";

    private static final Logger log = LoggerFactory.getLogger(ResilientPaymentProvider.class);

    private final PaymentProvider provider;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry limiters;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter limiter;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public ResilientPaymentProvider(PaymentProvider provider, PaymentResilience config) {
        this.provider = provider;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(config.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.slidingWindowSize())
                .minimumNumberOfCalls(config.minimumCalls())
                .waitDurationInOpenState(config.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(config.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(PaymentProviderUnavailableException.class, TimeoutException.class)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(config.initialBackoff(), 2.0, 0.5,
                        config.maxBackoff()))
                .retryExceptions(PaymentProviderUnavailableException.class, TimeoutException.class)
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        this.limiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(config.callTimeout())
                .cancelRunningFuture(true)
                .build());
        this.breaker = breakers.circuitBreaker(NAME);
        this.retry = retries.retry(NAME);
        this.limiter = limiters.timeLimiter(NAME);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("payments circuit breaker: {}",
                event.getStateTransition()));
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
        return breaker;
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    public RetryRegistry retries() {
        return retries;
    }

    public TimeLimiterRegistry timeLimiters() {
        return limiters;
    }

    private <T> T call(String what, Callable<T> call) {
        Callable<T> limited = TimeLimiter.decorateFutureSupplier(limiter, () -> calls.submit(call));
        Callable<T> guarded = CircuitBreaker.decorateCallable(breaker, limited);
        try {
            return Retry.decorateCallable(retry, guarded).call();
        } catch (PaymentProviderUnavailableException e) {
            throw new PaymentProviderUnavailableException("payment service unavailable: " + e.getMessage(), e);
        } catch (CallNotPermittedException e) {
            // the exception names the breaker's state; reading it again here threw IncompatibleClassChangeError
            // from CircuitBreakerStateMachine.getState under load (Resilience4j 2.4.0, JDK 25), cutting sagas short
            throw new PaymentProviderUnavailableException("payment service unavailable: " + e.getMessage()
                    + ", calls fail fast", e);
        } catch (TimeoutException e) {
            throw new PaymentProviderUnavailableException("payment service unavailable: " + what + " gave no answer "
                    + "within " + limiter.getTimeLimiterConfig().getTimeoutDuration(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentProviderUnavailableException(what + " was interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PaymentProviderUnavailableException("payment service unavailable: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
