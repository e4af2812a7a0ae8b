package dev.ordo.spring.kafka;

import dev.ordo.core.trace.Tracing;
import dev.ordo.kafka.saga.KafkaReplyListener;
import dev.ordo.kafka.saga.StepMessageTypes;
import dev.ordo.saga.SagaEngine;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the saga replies of {@code ordo.kafka.sagas.reply-topic} into the application's {@link SagaEngine} once the
 * application is ready, as a member of group {@code ordo.kafka.sagas.reply-group}, and stops first on shutdown, before
 * the engine closes (replies not yet recorded are read again by the group's next member).
 */
public final class OrdoKafkaReplyListenerLifecycle implements SmartLifecycle {

    private final OrdoKafkaClients clients;
    private final OrdoKafkaProperties.Sagas sagas;
    private final StepMessageTypes types;
    private final SagaEngine engine;
    private final Tracing tracing;
    private KafkaReplyListener listener;

    OrdoKafkaReplyListenerLifecycle(OrdoKafkaClients clients, OrdoKafkaProperties.Sagas sagas,
                                    StepMessageTypes types, SagaEngine engine, Tracing tracing) {
        this.clients = clients;
        this.sagas = sagas;
        this.types = types;
        this.engine = engine;
        this.tracing = tracing;
    }

    @Override
    public synchronized void start() {
        listener = KafkaReplyListener.start(clients.properties(), sagas.replyGroup(), sagas.replyTopic(), types,
                engine::reply, sagas.maxBackoff(), tracing);
    }

    @Override
    public synchronized void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return listener != null;
    }
}
