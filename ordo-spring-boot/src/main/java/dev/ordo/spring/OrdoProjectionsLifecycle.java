package dev.ordo.spring;

import dev.ordo.jdbc.JdbcProjection;
import dev.ordo.jdbc.JdbcProjections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts every {@link JdbcProjection} bean once the application context is ready (creating or rebuilding its
 * tables as needed), and stops them first on shutdown, before the stores close.
 */
public final class OrdoProjectionsLifecycle implements SmartLifecycle {

    private final JdbcProjections projections;
    private final ObjectProvider<JdbcProjection> definitions;
    private volatile boolean running;

    OrdoProjectionsLifecycle(JdbcProjections projections, ObjectProvider<JdbcProjection> definitions) {
        this.projections = projections;
        this.definitions = definitions;
    }

    @Override
    public void start() {
        definitions.orderedStream().forEach(projections::start);
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
