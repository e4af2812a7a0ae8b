package dev.ordo.core.bus.command;

/**
 * A step around the handling of every command on a bus.
 *
 * <p>Middlewares run in registration order, the first registered outermost. A middleware calls
 * {@code next.proceed(message)} to continue, possibly with a replaced message (for example enriched metadata),
 * and returns what it returned; it may also refuse by throwing without proceeding. Whatever the handler or an
 * inner middleware throws reaches the middleware as it was thrown, and should be rethrown unchanged.
 * Implementations are thread-safe: one instance serves all dispatches.
 */
@FunctionalInterface
public interface CommandMiddleware {

    /** Handles the message, usually by proceeding down the chain. */
    Object invoke(CommandMessage message, Chain next);

    /** The rest of the pipeline: inner middlewares, then the route. */
    @FunctionalInterface
    interface Chain {

        /**
         * Hands the message to the next middleware, or to the route when this was the last one.
         *
         * @throws dev.ordo.core.bus.NoHandlerException when a replaced message's command has no route
         */
        Object proceed(CommandMessage message);
    }
}
