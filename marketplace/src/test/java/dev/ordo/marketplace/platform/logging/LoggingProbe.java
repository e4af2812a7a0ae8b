package dev.ordo.marketplace.platform.logging;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.CorrelationMiddleware;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.event.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring application with nothing in it but the marketplace's configuration and logging, run as a child JVM by
 * {@link StructuredLogsIntegrationTests}: it logs {@code probe.lines} lines from inside a command that went through
 * {@link CorrelationMiddleware} with the correlation id {@value #CORRELATION_ID} and the actor {@value #ACTOR}, then
 * a last line, and returns from {@code main} at once, so that the JVM's orderly shutdown is all that writes out what
 * the asynchronous appender still holds.
 */
@SpringBootConfiguration
public class LoggingProbe {

    static final String CORRELATION_ID = "probe-correlation";
    static final String ACTOR = "probe-actor";
    static final String LAST_LINE = "the probe's last line, logged right before the shutdown";

    private static final Logger log = LoggerFactory.getLogger(LoggingProbe.class);

    /** The command the lines are logged in. */
    record LogLines(int count) {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingProbe.class)
                .web(WebApplicationType.NONE).run(args);
        int lines = context.getEnvironment().getRequiredProperty("probe.lines", Integer.class);
        CommandBus commands = SimpleCommandBus.builder()
                .register(LogLines.class, (command, metadata) -> {
                    for (int i = 1; i <= command.count(); i++) {
                        log.info("line {} of {}", i, command.count());
                    }
                    return null;
                })
                .middleware(new CorrelationMiddleware())
                .build();
        commands.dispatch(new LogLines(lines), EventMetadata.empty().withCorrelationId(CORRELATION_ID)
                .withActor(ACTOR));
        log.info(LAST_LINE);
    }
}
