package dev.ordo.marketplace.platform;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.StreamCommand;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.store.WrongExpectedVersionException;
import dev.ordo.marketplace.shared.RuleViolation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds demo data through the command bus, once per stream: each command is decided only on a stream that does not
 * exist yet, so seeding again after a restart, or from a second instance at the same time, writes nothing twice.
 * Stateless and thread-safe.
 */
public final class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The actor the seeded events name. */
    public static final String ACTOR = "demo-data";

    private DemoData() {
    }

    /**
     * Dispatches each command as the actor {@value #ACTOR}, at expected version 0 whatever version it names. A
     * command whose stream exists already is skipped, whether the store refuses it (a version conflict) or the decider
     * does (a {@link RuleViolation}); any other failure reaches the caller and stops the seeding.
     *
     * @param what what the commands seed, for the log line that counts them ({@code seeded 12 demo products})
     * @return how many of the commands were written
     */
    public static int seed(CommandBus commands, String what, List<? extends StreamCommand<?>> seeds) {
        int written = 0;
        for (StreamCommand<?> seed : seeds) {
            try {
                commands.dispatch(StreamCommand.to(seed.stream(), seed.command(), 0L),
                        EventMetadata.empty().withActor(ACTOR));
                written++;
            } catch (WrongExpectedVersionException | RuleViolation alreadyThere) {
                log.debug("demo data on {} is there already", seed.stream());
            }
        }
        if (written > 0) {
            log.info("seeded {} {}", written, what);
        }
        return written;
    }
}
