package dev.ordo.core.bus.command;

import dev.ordo.core.event.EventMetadata;
import org.slf4j.MDC;

/**
 * Ties a command's events to the request and to the command: the correlation id stays what the caller gave (and
 * becomes the command id when the caller gave none or a blank one), and the causation id always becomes the command
 * id. Actor, trace parent and extra headers are kept.
 *
 * <p>For the rest of the pipeline, the SLF4J MDC holds {@value #CORRELATION_ID}, {@value #ACTOR} (the metadata's
 * actor; absent when it has none) and {@value #COMMAND_TYPE} (the command's simple class name); afterwards, also when
 * the command fails, these keys are back to their earlier values. Register it first, so every later middleware's log
 * lines carry the correlation id and the actor. Thread-safe.
 */
public final class CorrelationMiddleware implements CommandMiddleware {

    /** The MDC key of the correlation id. */
    public static final String CORRELATION_ID = "correlationId";

    /** The MDC key of who sent the command, as its metadata names them. */
    public static final String ACTOR = "actor";

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
        String previousActor = MDC.get(ACTOR);
        String previousType = MDC.get(COMMAND_TYPE);
        MDC.put(CORRELATION_ID, metadata.correlationId());
        set(ACTOR, metadata.actor());
        MDC.put(COMMAND_TYPE, message.commandType());
        try {
            return next.proceed(message.withMetadata(metadata));
        } finally {
            set(CORRELATION_ID, previousCorrelation);
            set(ACTOR, previousActor);
            set(COMMAND_TYPE, previousType);
        }
    }

    /** Puts the value under the key, or removes the key when the value is {@code null}. */
    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
