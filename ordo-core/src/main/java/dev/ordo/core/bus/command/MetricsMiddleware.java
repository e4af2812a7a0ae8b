package dev.ordo.core.bus.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times every command with the Micrometer timer {@value #TIMER}, tagged {@code command} (the simple class name) and
 * {@code outcome}: {@code success}; {@code rejected} for a domain exception (any runtime exception other than the
 * ones below); {@code conflict} for a {@link dev.ordo.core.store.WrongExpectedVersionException}; {@code error} for
 * any other {@link dev.ordo.core.store.EventStoreException}, a {@link LockTimeoutException}, an interrupted wait or
 * an {@link Error}. The timer gives the count, the latency and the failures by outcome.
 *
 * <p>Failures are rethrown unchanged. Place it outside a {@link PerKeyLockMiddleware} so lock waits and timeouts
 * are measured. Thread-safe.
 */
public final class MetricsMiddleware implements CommandMiddleware {

    /** The name of the timer. */
    public static final String TIMER = "ordo.commands";

    private static final Outcome[] OUTCOMES = Outcome.values();

    private final MeterRegistry registry;
    /** The timers registered so far, per command type, indexed by the outcome's ordinal. */
    private final ConcurrentHashMap<String, AtomicReferenceArray<Timer>> timers = new ConcurrentHashMap<>();

    public MetricsMiddleware(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Object invoke(CommandMessage message, Chain next) {
        Timer.Sample sample = Timer.start(registry);
        Outcome outcome = Outcome.ERROR;
        try {
            Object result = next.proceed(message);
            outcome = Outcome.SUCCESS;
            return result;
        } catch (RuntimeException | Error failure) {
            outcome = Outcome.of(failure);
            throw failure;
        } finally {
            sample.stop(timer(message.commandType(), outcome));
        }
    }

    private Timer timer(String command, Outcome outcome) {
        AtomicReferenceArray<Timer> byOutcome = timers.computeIfAbsent(command,
                type -> new AtomicReferenceArray<>(OUTCOMES.length));
        Timer timer = byOutcome.get(outcome.ordinal());
        if (timer == null) {
            timer = Timer.builder(TIMER)
                    .description("commands handled through the command bus")
                    .tag("command", command)
                    .tag("outcome", outcome.tag())
                    .register(registry);
            byOutcome.set(outcome.ordinal(), timer);
        }
        return timer;
    }
}
