package dev.ordo.spring;

import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.JdbcProjections;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts every {@link JdbcProjection} bean that is not fed from Kafka once the application context is ready
 * (creating or rebuilding its tables as needed), and stops them first on shutdown, before the stores close.
 */
public final class OrdoProjectionsLifecycle implements SmartLifecycle {

    private final JdbcProjections projections;
    private final ObjectProvider<JdbcProjection> definitions;
    private final Predicate<String> fedFromKafka;
    private volatile boolean running;

    OrdoProjectionsLifecycle(JdbcProjections projections, ObjectProvider<JdbcProjection> definitions,
                             Predicate<String> fedFromKafka) {
        this.projections = projections;
        this.definitions = definitions;
        this.fedFromKafka = fedFromKafka;
    }

    @Override
    public void start() {
        definitions.orderedStream().filter(projection -> !fedFromKafka.test(projection.name()))
                .forEach(projections::start);
        running = true;
    }

    @Override
    public void stop() {
        projections.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
