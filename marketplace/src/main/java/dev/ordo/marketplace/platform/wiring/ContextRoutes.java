package dev.ordo.marketplace.platform.wiring;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.bus.query.SimpleQueryBus;
import java.util.Optional;

/**
 * What a bounded context puts on the process's buses, as a bean: the routes of its commands and queries, the lock
 * key of its commands that name no stream, and the demo data it seeds. The buses carry the routes of every context that
 * runs in the process; demo data is seeded in the beans' order ({@code @Order}).
 */
public interface ContextRoutes {

    /** Registers the routes of the context's commands. */
    default void commands(SimpleCommandBus.Builder commands) {
    }

    /** Registers the routes of the context's queries. */
    default void queries(SimpleQueryBus.Builder queries) {
    }

    /**
     * The key whose lock a command of this context takes while it runs, when it is not a stream command (those take
     * turns on their stream in the bus); empty for commands of other contexts.
     */
    default Optional<String> lockKey(Object command) {
        return Optional.empty();
    }

    /** Seeds the context's demo data through the bus (when {@code marketplace.demo-data} is on); idempotent. */
    default void seed(CommandBus commands) {
    }
}
