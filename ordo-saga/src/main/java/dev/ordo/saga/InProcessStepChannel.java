package dev.ordo.saga;

import dev.ordo.core.store.TransientFailures;
import dev.ordo.core.trace.TraceSpan;
import dev.ordo.core.trace.Tracing;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link StepChannel} of one process: hands each request to the handler registered for its payload's type, on a
 * virtual thread, and gives the answer to the engine ({@link #connect}) as a {@link StepReply}. A handler's result is a
 * {@link StepReply.Succeeded}; an exception that is not transient (see {@link TransientFailures}) refuses the request,
 * a {@link StepReply.Failed} at once. A transient failure says nothing about the request: the handler, and the
 * recording of its reply, are tried again with growing pauses until they pass or the channel closes (a reply after
 * the step's deadline is ignored by the engine anyway). Requests under way die with the process: the engine sends
 * those of waiting steps again after a start, so handlers must do their work once per invocation id. With a
 * {@link Tracing} ({@link Builder#tracing}), each request is handled, and its reply recorded, in a span named
 * {@code participant <saga type>/<step>} that continues the request's trace; the handler gets the request with that
 * span's trace context. Thread-safe.
 */
public final class InProcessStepChannel implements StepChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessStepChannel.class);

    /** Does the work a request asks for and returns what the reply carries. */
    @FunctionalInterface
    public interface Handler<P> {
        Object handle(P payload, StepRequest request) throws Exception;
    }

    private final Map<Class<?>, Handler<?>> handlers;
    private final Backoff backoff;
    private final Tracing tracing;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("ordo-step-channel-", 0).factory());
    private volatile Consumer<StepReply> replies;

    private InProcessStepChannel(Builder builder) {
        this.handlers = Map.copyOf(builder.handlers);
        this.backoff = builder.backoff;
        this.tracing = builder.tracing;
    }

    /** A channel with no handler yet; transient failures are tried again from 100 ms to 5 s apart. */
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

    private void deliver(StepRequest sent, Handler<Object> handler, Consumer<StepReply> answer) {
        try (TraceSpan span = tracing.start("participant " + sent.sagaType() + "/" + sent.step(), sent.traceParent())) {
            span.tag("ordo.saga.invocation", sent.invocationId());
            StepRequest request = sent.withTraceParent(span.traceParent());
            deliver(request, handler, answer, span);
        }
    }

    private void deliver(StepRequest request, Handler<Object> handler, Consumer<StepReply> answer, TraceSpan span) {
        try {
            StepReply reply = untilNotTransient(request, "handling", () -> handle(request, handler));
            if (reply instanceof StepReply.Failed failed) {
                span.tag("ordo.saga.refusal", failed.error());
            }
            untilNotTransient(request, "recording the reply to", () -> {
                answer.accept(reply);
                return reply;
            });
        } catch (InterruptedException e) {
            log.debug("request {} was interrupted: the channel is closing", request.invocationId());
        } catch (Exception e) {
            span.error(e);
            log.warn("the reply to request {} could not be recorded; the step's deadline decides",
                    request.invocationId(), e);
        }
    }

    /** The handler's answer: its result, or the refusal it threw; a transient failure is thrown. */
    private static StepReply handle(StepRequest request, Handler<Object> handler) throws Exception {
        try {
            return new StepReply.Succeeded(request.invocationId(), handler.handle(request.payload(), request));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            return new StepReply.Failed(request.invocationId(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Runs the work again after each transient failure, with growing pauses, until it ends otherwise. */
    private StepReply untilNotTransient(StepRequest request, String what, Callable<StepReply> work) throws Exception {
        for (int failures = 1; ; failures++) {
            try {
                return work.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                Duration pause = backoff.after(failures);
                log.debug("{} request {} failed for a passing reason ({}); trying again in {} ms", what,
                        request.invocationId(), e.toString(), pause.toMillis());
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());
            }
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
        private Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        private Tracing tracing = Tracing.none();

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

        /** The pauses between tries after transient failures: from {@code first}, doubling, at most {@code longest}. */
        public Builder transientBackoff(Duration first, Duration longest) {
            this.backoff = new Backoff(first, longest);
            return this;
        }

        /** Where the spans of the requests' handling go (default {@link Tracing#none()}). */
        public Builder tracing(Tracing tracing) {
            this.tracing = Objects.requireNonNull(tracing, "tracing");
            return this;
        }

        public InProcessStepChannel build() {
            return new InProcessStepChannel(this);
        }
    }
}
