package dev.ordo.core.bus.command;

import dev.ordo.core.event.EventMetadata;
import org.slf4j.MDC;

/**
 * Ties a command's events to the request and to the command: the correlation id stays what the caller gave (and
 * becomes the command id when the caller gave none or a blank one), and the causation id always becomes the command
 * id. Actor, trace parent and extra headers are kept.
 *
 * <p>For the rest of the pipeline, the SLF4J MDC holds {@value #CORRELATION_ID} and {@value #COMMAND_TYPE} (the
 * command's simple class name); afterwards, also when the command fails, both keys are back to their earlier
 * values. Register it first, so every later middleware's log lines carry the correlation id. Thread-safe.
 */
public final class CorrelationMiddleware implements CommandMiddleware {

    /** The MDC key of the correlation id. */
    public static final String CORRELATION_ID = "correlationId";

    /** The MDC key of the command's simple class name. */
    public static final String COMMAND_TYPE = "commandType";

    @Override
    public Object invoke(CommandMessage message, Chain next) {
        String commandId = message.commandId().toString();
        EventMetadata metadata = message.metadata();
        if (metadata.correlationId() == null || metadata.correlationId().isBlank()) {
            metadata = metadata.withCorrelationId(commandId);
        }
        metadata = metadata.withCausationId(commandId);
        String previousCorrelation = MDC.get(CORRELATION_ID);
        String previousType = MDC.get(COMMAND_TYPE);
        MDC.put(CORRELATION_ID, metadata.correlationId());
        MDC.put(COMMAND_TYPE, message.commandType());
        try {
            return next.proceed(message.withMetadata(metadata));
        } finally {
            restore(CORRELATION_ID, previousCorrelation);
            restore(COMMAND_TYPE, previousType);
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
