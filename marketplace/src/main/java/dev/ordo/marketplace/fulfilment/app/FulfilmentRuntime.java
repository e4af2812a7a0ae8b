package dev.ordo.marketplace.fulfilment.app;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.core.trace.Tracing;
import dev.ordo.marketplace.fulfilment.FulfilmentProcess;
import dev.ordo.saga.ProcessManagerRunner;
import dev.ordo.saga.SagaEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the fulfilment while the application runs. When the application is ready and
 * {@code marketplace.fulfilment.enabled} is true (the default), it resumes every unfinished saga and starts the
 * {@link FulfilmentProcess} on its checkpointed subscription (so orders placed while the application was down are
 * fulfilled too). On shutdown it stops the subscription, then the saga engine, giving running steps
 * {@code marketplace.fulfilment.shutdown-grace} to finish.
 */
@Component
class FulfilmentRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentRuntime.class);

    private final SagaEngine engine;
    private final FulfilmentProperties properties;
    private final Subscriptions subscriptions;
    private final CheckpointStore checkpoints;
    private final EventSerializer serializer;
    private final CommandBus commands;
    private final SubscriptionOptions options;
    private final Tracing tracing;
    private volatile Subscription process;
    private volatile boolean running;

    FulfilmentRuntime(SagaEngine engine, FulfilmentProperties properties, Subscriptions subscriptions,
                      CheckpointStore checkpoints, EventSerializer serializer, CommandBus commands,
                      SubscriptionOptions options, Tracing tracing) {
        this.engine = engine;
        this.properties = properties;
        this.subscriptions = subscriptions;
        this.checkpoints = checkpoints;
        this.serializer = serializer;
        this.commands = commands;
        this.options = options;
        this.tracing = tracing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!properties.enabled()) {
            log.info("order fulfilment is switched off (marketplace.fulfilment.enabled=false)");
            return;
        }
        engine.resumeUnfinished();
        process = ProcessManagerRunner.start(new FulfilmentProcess(), subscriptions, checkpoints, serializer, commands,
                options, tracing);
        log.info("order fulfilment is running: every placed order is reserved, paid, shipped and confirmed");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        Subscription current = process;
        if (current != null) {
            current.close();
        }
        engine.shutdown(properties.shutdownGrace());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
