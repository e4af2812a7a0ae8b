package dev.ordo.saga;

import dev.ordo.core.store.TransientFailures;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StepChannel} of one process: hands each request to the handler registered for its payload's type, on a
 * virtual thread, and gives the answer to the engine ({@link #connect}) as a {@link StepReply}. A handler's result is a
 * {@link StepReply.Succeeded}; an exception the {@code refusal} predicate accepts (by default any that is not
 * transient) is a {@link StepReply.Failed} at once; any other is tried again with backoff (Resilience4j retry), and
 * after the last attempt answered as failed with its message. Requests under way die with the process: the engine
 * sends those of waiting steps again after a start, so handlers must do their work once per invocation id.
 * Thread-safe.
 */
public final class InProcessStepChannel implements StepChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessStepChannel.class);

    /** Does the work a request asks for and returns what the reply carries. */
    @FunctionalInterface
    public interface Handler<P> {
        Object handle(P payload, StepRequest request) throws Exception;
    }

    private final Map<Class<?>, Handler<?>> handlers;
    private final Retry retry;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ordo-step-channel-", 0).factory());
    private volatile Consumer<StepReply> replies;

    private InProcessStepChannel(Builder builder) {
        this.handlers = Map.copyOf(builder.handlers);
        Predicate<Throwable> refusal = builder.refusal;
        this.retry = Retry.of("ordo-step-channel", RetryConfig.custom()
                .maxAttempts(builder.attempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(builder.firstPause, 2.0, 0.5,
                        builder.longestPause))
                .retryOnException(e -> !refusal.test(e))
                .build());
    }

    /** A channel with no handler yet; by default 4 attempts from 100 ms to 2 s apart, refusing what is not transient. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Where the replies go, normally {@code engine::reply}; set once, before the first request, because the engine's
     * saga definitions need the channel first.
     *
     * @throws IllegalStateException when it was already connected
     */
    public void connect(Consumer<StepReply> replies) {
        Objects.requireNonNull(replies, "replies");
        synchronized (this) {
            if (this.replies != null) {
                throw new IllegalStateException("the step channel is already connected");
            }
            this.replies = replies;
        }
    }

    /**
     * @throws IllegalStateException    when the channel is not connected yet, or closed
     * @throws IllegalArgumentException when no handler takes the payload's type
     */
    @Override
    public void send(StepRequest request) {
        Consumer<StepReply> answer = replies;
        if (answer == null) {
            throw new IllegalStateException("the step channel is not connected to an engine yet");
        }
        Handler<Object> handler = handlerOf(request.payload());
        executor.execute(() -> deliver(request, handler, answer));
    }

    private void deliver(StepRequest request, Handler<Object> handler, Consumer<StepReply> answer) {
        StepReply reply;
        try {
            Object result = retry.executeCallable(() -> handler.handle(request.payload(), request));
            reply = new StepReply.Succeeded(request.invocationId(), result);
        } catch (InterruptedException e) {
            log.debug("request {} was interrupted: the channel is closing", request.invocationId());
            return;
        } catch (Exception e) {
            reply = new StepReply.Failed(request.invocationId(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            answer.accept(reply);
        } catch (RuntimeException e) {
            log.warn("the reply to request {} could not be recorded; the step's deadline decides",
                    request.invocationId(), e);
        }
    }

    @SuppressWarnings("unchecked") // registered under the payload's own type (or a supertype) by the builder
    private Handler<Object> handlerOf(Object payload) {
        Handler<?> exact = handlers.get(payload.getClass());
        if (exact != null) {
            return (Handler<Object>) exact;
        }
        return (Handler<Object>) handlers.entrySet().stream().filter(e -> e.getKey().isInstance(payload))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no handler takes requests of type "
                        + payload.getClass().getName()));
    }

    /** Stops the requests under way; they get no reply. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** Collects the handlers; not thread-safe. */
    public static final class Builder {
        private final Map<Class<?>, Handler<?>> handlers = new LinkedHashMap<>();
        private Predicate<Throwable> refusal = e -> !TransientFailures.isTransient(e);
        private int attempts = 4;
        private Duration firstPause = Duration.ofMillis(100);
        private Duration longestPause = Duration.ofSeconds(2);

        private Builder() {
        }

        /** The handler of the requests whose payload is a {@code type}. */
        public <P> Builder handle(Class<P> type, Handler<? super P> handler) {
            if (handlers.putIfAbsent(Objects.requireNonNull(type, "type"), Objects.requireNonNull(handler, "handler"))
                    != null) {
                throw new IllegalArgumentException("requests of type " + type.getName() + " have a handler already");
            }
            return this;
        }

        /** Which exceptions of a handler refuse the request for good (the others are tried again). */
        public Builder refusal(Predicate<Throwable> value) {
            this.refusal = Objects.requireNonNull(value, "refusal");
            return this;
        }

        /** How many times a request whose handler failed for a passing reason is tried, and the pauses between. */
        public Builder retry(int maxAttempts, Duration first, Duration longest) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("at least one attempt, was " + maxAttempts);
            }
            this.attempts = maxAttempts;
            this.firstPause = Objects.requireNonNull(first, "first");
            this.longestPause = Objects.requireNonNull(longest, "longest");
            return this;
        }

        public InProcessStepChannel build() {
            return new InProcessStepChannel(this);
        }
    }
}
