package dev.ordo.marketplace.fulfilment.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.bus.command.SimpleCommandBus;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.snapshot.StateCodec;
import dev.ordo.core.trace.Tracing;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.jdbc.JdbcEventStore;
import dev.ordo.jdbc.JdbcSagaIndex;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.fulfilment.CancelFulfilment;
import dev.ordo.marketplace.fulfilment.FulfilmentData;
import dev.ordo.marketplace.fulfilment.StartFulfilment;
import dev.ordo.marketplace.ordering.app.OrderService;
import dev.ordo.marketplace.platform.sagas.DeadLetterParkedCompensations;
import dev.ordo.marketplace.platform.sagas.ParkedCompensations;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.ContextRoutes;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import dev.ordo.marketplace.shared.StepContract;
import dev.ordo.saga.InProcessStepChannel;
import dev.ordo.saga.SagaDefinition;
import dev.ordo.saga.SagaEngine;
import dev.ordo.saga.SagaEvent;
import dev.ordo.saga.StepChannel;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fulfilment's beans: the saga definition, the {@link SagaEngine} (saga index in {@code ordo_sagas} on the
 * marketplace's database; parked compensations logged as an ERROR alert and recorded for the REST API) and the
 * {@link FulfilmentService}. The engine exists whether or not fulfilment is enabled, so sagas can always be read;
 * {@link FulfilmentRuntime} starts the process manager and resumes sagas only when it is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulfilmentProperties.class)
public class FulfilmentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentConfiguration.class);

    /** The sagas' events, stored beside the contexts' (one serializer). */
    @Bean
    ContextEvents fulfilmentEvents() {
        return events -> events.registerSealed(SagaEvent.class);
    }

    /** How the fulfilment saga's data is written into its events. */
    @Bean
    StateCodec<FulfilmentData> fulfilmentDataCodec(EventMapper mapper) {
        return JacksonStateCodec.of(mapper.json(), FulfilmentData.class, 1);
    }

    /**
     * The fulfilment's commands; its service is looked up when its first command arrives, since the saga sends its own
     * commands through the bus. A fulfilment command takes the lock of its order's fulfilment.
     */
    @Bean
    ContextRoutes fulfilmentRoutes(ObjectProvider<FulfilmentService> fulfilment) {
        return new ContextRoutes() {
            @Override
            public void commands(SimpleCommandBus.Builder commands) {
                commands.register(StartFulfilment.class, (command, metadata) -> fulfilment.getObject()
                                .start(command, metadata))
                        .register(CancelFulfilment.class, (command, metadata) -> fulfilment.getObject()
                                .cancel(command, metadata));
            }

            @Override
            public Optional<String> lockKey(Object command) {
                return switch (command) {
                    case StartFulfilment start -> Optional.of("fulfilment-" + start.orderId());
                    case CancelFulfilment cancel -> Optional.of("fulfilment-" + cancel.orderId());
                    default -> Optional.empty();
                };
            }
        };
    }

    @Bean
    ParkedCompensations parkedCompensations(DeadLetterStore deadLetters) {
        return new DeadLetterParkedCompensations(deadLetters);
    }

    /**
     * Carries the saga's requests to the contexts of this process that answer them ({@link ContextParticipant}
     * beans); connected to the engine's replies when the engine is built. A service whose participants run elsewhere
     * sets {@code marketplace.fulfilment.participants=remote} and provides a channel of its own.
     */
    @Bean
    @ConditionalOnProperty(name = "marketplace.fulfilment.participants", havingValue = "in-process",
            matchIfMissing = true)
    InProcessStepChannel stepChannel(List<ContextParticipant> participants, Tracing tracing) {
        InProcessStepChannel.Builder channel = InProcessStepChannel.builder().tracing(tracing);
        ContextParticipant.Handlers handlers = new ContextParticipant.Handlers() {
            @Override
            public <P> ContextParticipant.Handlers handle(StepContract<P> contract,
                                                         ContextParticipant.Handler<? super P> handler) {
                channel.handle(contract.type(), handler::handle);
                return this;
            }
        };
        participants.forEach(participant -> participant.handlers(handlers));
        return channel.build();
    }

    /** The payment asked of the payments service by message, where the participants are services. */
    @Bean
    @ConditionalOnProperty(name = "marketplace.fulfilment.participants", havingValue = "remote")
    PaymentStep remotePayment(StepChannel channel, Clock clock) {
        return new RemotePayment(channel, clock);
    }

    @Bean
    SagaDefinition<FulfilmentData> fulfilmentSaga(CommandBus commands, OrderService orders, PaymentStep payment,
                                                  Clock clock, FulfilmentProperties properties,
                                                  StateCodec<FulfilmentData> codec, StepChannel channel) {
        return FulfilmentSaga.definition(codec, new OrderSteps(commands, orders, clock), new FulfilmentSteps(clock),
                payment, channel, properties.stepTimeout(), properties.payment());
    }

    /** Shut down by {@link FulfilmentRuntime}, with the configured grace. */
    @Bean(destroyMethod = "")
    SagaEngine sagaEngine(JdbcEventStore store, OrdoDatabase database, SagaDefinition<FulfilmentData> fulfilmentSaga,
                          MeterRegistry meters, ParkedCompensations parked, FulfilmentProperties properties,
                          EventSerializer serializer, StepChannel channel, Tracing tracing) {
        SagaEngine engine = SagaEngine.builder(store, JdbcSagaIndex.create(database))
                .register(fulfilmentSaga)
                .serializer(serializer)
                .tracing(tracing)
                .maxConcurrentDrives(properties.maxConcurrentDrives())
                .meterRegistry(meters)
                .onParked(compensation -> {
                    log.error("ALERT: order fulfilment saga {} is parked: compensation of step {} failed {} times ({});"
                                    + " fix the cause, then POST /sagas/{}/redrive", compensation.sagaId(),
                            compensation.step(), compensation.attempts(), compensation.error(), compensation.sagaId());
                    parked.record(compensation);
                })
                .build();
        if (channel instanceof InProcessStepChannel inProcess) {
            inProcess.connect(engine::reply);
        }
        return engine;
    }

    @Bean
    FulfilmentService fulfilmentService(SagaEngine engine, SagaDefinition<FulfilmentData> fulfilmentSaga,
                                        OrderService orders) {
        return new FulfilmentService(engine, fulfilmentSaga, orders);
    }
}
