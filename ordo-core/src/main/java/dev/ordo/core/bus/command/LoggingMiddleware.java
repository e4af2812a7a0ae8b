package dev.ordo.core.bus.command;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how each command ended: at DEBUG when it succeeded, at WARN when it failed, with the command's simple
 * class name, the outcome ({@code success}, {@code rejected}, {@code conflict} or {@code error}, as
 * {@link MetricsMiddleware} counts them), the duration in milliseconds and the correlation id. Only {@code error}
 * lines carry the stack trace: rejections and conflicts are expected and their message says enough.
 *
 * <p>Place it after a {@link CorrelationMiddleware} so the correlation id is known and is in the MDC. Failures are
 * rethrown unchanged. Thread-safe.
 */
public final class LoggingMiddleware implements CommandMiddleware {

    private static final Logger log = LoggerFactory.getLogger(LoggingMiddleware.class);

    @Override
    public Object invoke(CommandMessage message, Chain next) {
        long start = System.nanoTime();
        try {
            Object result = next.proceed(message);
            if (log.isDebugEnabled()) {
                log.debug("command {} {} in {} ms, correlation {}", message.commandType(), Outcome.SUCCESS.tag(),
                        millisSince(start), message.metadata().correlationId());
            }
            return result;
        } catch (RuntimeException | Error failure) {
            Outcome outcome = Outcome.of(failure);
            if (outcome == Outcome.ERROR) {
                log.warn("command {} {} in {} ms, correlation {}", message.commandType(), outcome.tag(),
                        millisSince(start), message.metadata().correlationId(), failure);
            } else {
                log.warn("command {} {} in {} ms, correlation {}: {}", message.commandType(), outcome.tag(),
                        millisSince(start), message.metadata().correlationId(), failure.toString());
            }
            throw failure;
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
