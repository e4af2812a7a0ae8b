package dev.ordo.core.bus.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.store.EventStoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingMiddlewareUnitTests {

    record ShipOrder(String orderId) {
    }

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingMiddleware.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private final CommandBus bus = SimpleCommandBus.builder()
            .register(ShipOrder.class, (command, metadata) -> switch (command.orderId()) {
                case "shipped" -> throw new IllegalStateException("order is already shipped");
                case "offline" -> throw new EventStoreUnavailableException("database is down");
                default -> "shipped";
            })
            .middleware(new CorrelationMiddleware())
            .middleware(new LoggingMiddleware())
            .build();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
    }

    @Test
    void logsASuccessAtDebugWithTheCommandDurationAndCorrelation() {
        bus.dispatch(new ShipOrder("o-1"), EventMetadata.empty().withCorrelationId("request-7"));

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage())
                    .matches("command ShipOrder success in \\d+ ms, correlation request-7");
            assertThat(event.getMDCPropertyMap()).containsEntry(CorrelationMiddleware.CORRELATION_ID, "request-7");
        });
    }

    @Test
    void logsARejectionAtWarnWithItsReasonButNoStackTrace() {
        assertThatThrownBy(() -> bus.dispatch(new ShipOrder("shipped"), EventMetadata.empty().withCorrelationId("r-2")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("command ShipOrder rejected in ")
                    .endsWith("correlation r-2: java.lang.IllegalStateException: order is already shipped");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void logsAnInfrastructureErrorAtWarnWithItsStackTrace() {
        assertThatThrownBy(() -> bus.dispatch(new ShipOrder("offline"), EventMetadata.empty()))
                .isInstanceOf(EventStoreUnavailableException.class);

        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).startsWith("command ShipOrder error in ");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("database is down");
        });
    }

    @Test
    void logsNothingForASuccessWhenDebugIsOff() {
        logger.setLevel(Level.INFO);

        bus.dispatch(new ShipOrder("o-1"), EventMetadata.empty());

        assertThat(appender.list).isEmpty();
    }
}
