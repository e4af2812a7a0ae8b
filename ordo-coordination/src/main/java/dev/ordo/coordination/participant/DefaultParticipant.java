package dev.ordo.coordination.participant;

import dev.ordo.coordination.internal.LoggingContext;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Participant}: Resilience4j decorators around a call. Thread-safe. */
final class DefaultParticipant implements Participant {

    private static final Logger log = LoggerFactory.getLogger(Participant.class);

    private final String name;
    private final ParticipantConfig config;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final Bulkhead bulkhead;

    DefaultParticipant(String name, ParticipantConfig config, CircuitBreakerRegistry circuitBreakers) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a participant name must not be blank");
        }
        this.name = name;
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(circuitBreakers, "circuitBreakers");
        this.circuitBreaker = config.circuitBreaker()
                .map(breakerConfig -> circuitBreakers.circuitBreaker(name, breakerConfig))
                .orElseGet(() -> circuitBreakers.circuitBreaker(name));
        this.timeLimiter = TimeLimiter.of(name, config.timeLimiterConfig());
        this.retry = config.maxAttempts() > 1 ? Retry.of(name, config.retryConfig()) : null;
        this.bulkhead = config.maxConcurrentCalls().isPresent() ? Bulkhead.of(name, config.bulkheadConfig()) : null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ParticipantConfig config() {
        return config;
    }

    @Override
    public CircuitBreaker.State state() {
        return circuitBreaker.getState();
    }

    @Override
    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    @Override
    public <T> T call(Callable<? extends T> call) {
        Callable<T> protectedCall = protect(call);
        try {
            return protectedCall.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParticipantException(name, e);
        } catch (Exception e) {
            throw new ParticipantException(name, e);
        }
    }

    @Override
    public <T> T call(Callable<? extends T> call, Function<? super Exception, ? extends T> fallback) {
        Objects.requireNonNull(fallback, "fallback");
        Callable<T> protectedCall = protect(call);
        try {
            return protectedCall.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParticipantException(name, e);
        } catch (Exception e) {
            log.debug("participant '{}' ({} breaker) answered by its fallback after: {}", name, state(), e.toString());
            return fallback.apply(e);
        }
    }

    /** Retry, circuit breaker, time limit, bulkhead, the call: outermost first. */
    private <T> Callable<T> protect(Callable<? extends T> call) {
        Objects.requireNonNull(call, "call");
        Callable<T> attempt = call::call;
        if (bulkhead != null) {
            attempt = Bulkhead.decorateCallable(bulkhead, attempt);
        }
        Callable<T> limited = timeLimited(attempt);
        Callable<T> guarded = CircuitBreaker.decorateCallable(circuitBreaker, limited);
        return retry == null ? guarded : Retry.decorateCallable(retry, guarded);
    }

    /**
     * Runs each attempt in a future on a new virtual thread and waits at most the time limit; on timeout the
     * limiter cancels the future (interrupting the attempt), on interruption of the caller so does this.
     */
    private <T> Callable<T> timeLimited(Callable<T> attempt) {
        return () -> {
            FutureTask<T> task = new FutureTask<>(LoggingContext.capture().wrap(attempt));
            Thread.ofVirtual().name("ordo-participant " + name).start(task);
            try {
                return timeLimiter.executeFutureSupplier(() -> task);
            } catch (InterruptedException e) {
                task.cancel(true);
                throw e;
            }
        };
    }

    @Override
    public String toString() {
        return "Participant[" + name + ", " + state() + "]";
    }
}
