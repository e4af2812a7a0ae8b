package dev.ordo.marketplace.services;

import dev.ordo.core.trace.Tracing;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.kafka.saga.StepParticipantEndpoint;
import dev.ordo.marketplace.platform.wiring.ContextParticipant;
import dev.ordo.marketplace.platform.wiring.EventMapper;
import dev.ordo.marketplace.shared.StepContract;
import dev.ordo.spring.kafka.OrdoKafkaClients;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.SmartLifecycle;

/**
 * The service's contexts as saga participants behind Kafka (ADR 25, 27): once the application is ready, a
 * {@link StepParticipantEndpoint} reads the request topics of every participant the service runs
 * ({@link ServiceTopics}), as a member of group {@code <prefix><participant>.participant}, and hands each request to its context's handler, once per invocation id (the inbox is in the
 * service's own database); it stops before the rest of the application. The handlers' effects go through the command
 * bus, so they are registered as idempotent handlers: each does its work once per invocation id by its ids.
 */
public final class ParticipantEndpoint implements SmartLifecycle {

    private final OrdoKafkaClients clients;
    private final OrdoDatabase database;
    private final List<ContextParticipant> participants;
    private final EventMapper mapper;
    private final ServiceTopics topics;
    private final Tracing tracing;
    private final AtomicLong handled = new AtomicLong();
    private StepParticipantEndpoint endpoint;

    ParticipantEndpoint(OrdoKafkaClients clients, OrdoDatabase database, List<ContextParticipant> participants,
                        EventMapper mapper, ServiceTopics topics, Tracing tracing) {
        this.clients = clients;
        this.database = database;
        this.participants = List.copyOf(participants);
        this.mapper = mapper;
        this.topics = topics;
        this.tracing = tracing;
    }

    @Override
    public synchronized void start() {
        List<Registration<?>> registrations = new ArrayList<>();
        ContextParticipant.Handlers collect = new ContextParticipant.Handlers() {
            @Override
            public <P> ContextParticipant.Handlers handle(StepContract<P> contract,
                                                         ContextParticipant.Handler<? super P> handler) {
                registrations.add(new Registration<>(contract, handler));
                return this;
            }
        };
        participants.forEach(participant -> participant.handlers(collect));
        List<StepContract<?>> contracts = registrations.stream().<StepContract<?>>map(Registration::contract).toList();
        TreeSet<String> names = new TreeSet<>();
        contracts.forEach(contract -> names.add(contract.participant()));
        StepParticipantEndpoint.Builder builder = StepParticipantEndpoint.builder(clients.properties(),
                        String.join("+", names), database, StepMessages.of(contracts, mapper))
                .commandTopics(names.stream().map(topics::requests).toArray(String[]::new))
                .groupId(topics.topicPrefix() + String.join("+", names) + ".participant")
                .tracing(tracing);
        registrations.forEach(registration -> registration.into(builder, handled));
        endpoint = builder.start();
    }

    @Override
    public synchronized void stop() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return endpoint != null;
    }

    /** How many partitions of the request topics this instance reads; 0 before the start. */
    public synchronized int partitions() {
        return endpoint == null ? 0 : endpoint.partitions();
    }

    /** How many requests this instance handed to a handler since it started (repeats the inbox answered excluded). */
    public long handled() {
        return handled.get();
    }

    private record Registration<P>(StepContract<P> contract, ContextParticipant.Handler<? super P> handler) {
        void into(StepParticipantEndpoint.Builder builder, AtomicLong handled) {
            builder.handleIdempotent(contract.type(), (payload, request) -> {
                handled.incrementAndGet();
                return handler.handle(payload, request);
            });
        }
    }
}
