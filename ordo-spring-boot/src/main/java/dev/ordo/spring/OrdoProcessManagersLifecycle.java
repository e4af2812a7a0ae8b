package dev.ordo.spring;

import dev.ordo.core.subscription.CheckpointStore;
import dev.ordo.core.subscription.Subscription;
import dev.ordo.core.subscription.SubscriptionOptions;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.core.trace.Tracing;
import dev.ordo.saga.ProcessManager;
import dev.ordo.saga.ProcessManagerRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.SmartLifecycle;

/**
 * Starts every {@link ProcessManager} bean that is not fed from Kafka on a checkpointed subscription to the store once the application is ready
 * ({@link ProcessManagerRunner}: at least once, commands with ids derived from the event), and stops them first on
 * shutdown, before the stores close.
 */
public final class OrdoProcessManagersLifecycle implements SmartLifecycle {

    private final ProcessManagerBeans beans;
    private final Subscriptions subscriptions;
    private final CheckpointStore checkpoints;
    private final SubscriptionOptions options;
    private final Predicate<String> fedFromKafka;
    private final Tracing tracing;
    private final List<Subscription> running = new ArrayList<>();

    OrdoProcessManagersLifecycle(ProcessManagerBeans beans, Subscriptions subscriptions, CheckpointStore checkpoints,
                                 SubscriptionOptions options, Predicate<String> fedFromKafka, Tracing tracing) {
        this.beans = beans;
        this.subscriptions = subscriptions;
        this.checkpoints = checkpoints;
        this.options = options;
        this.fedFromKafka = fedFromKafka;
        this.tracing = tracing;
    }

    /** The subscription of each process manager, in start order. */
    public synchronized List<Subscription> subscriptions() {
        return List.copyOf(running);
    }

    @Override
    public synchronized void start() {
        beans.managers().filter(manager -> !fedFromKafka.test(manager.name())).forEach(manager -> running.add(
                ProcessManagerRunner.start(manager, subscriptions, checkpoints, beans.serializer(), beans.commands(),
                        options, tracing)));
    }

    @Override
    public synchronized void stop() {
        running.forEach(Subscription::close);
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
