package dev.ordo.spring;

import dev.ordo.core.bus.command.CommandBus;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.saga.ProcessManager;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application's {@link ProcessManager} beans and what running them needs: the {@link EventSerializer} and the
 * {@link CommandBus} beans, looked up only when there are process managers to run.
 */
public final class ProcessManagerBeans {

    private final ObjectProvider<ProcessManager<?>> managers;
    private final ObjectProvider<EventSerializer> serializers;
    private final ObjectProvider<CommandBus> buses;

    ProcessManagerBeans(ObjectProvider<ProcessManager<?>> managers, ObjectProvider<EventSerializer> serializers,
                        ObjectProvider<CommandBus> buses) {
        this.managers = managers;
        this.serializers = serializers;
        this.buses = buses;
    }

    /** The process manager beans, in order. */
    public Stream<ProcessManager<?>> managers() {
        return managers.orderedStream();
    }

    /**
     * The one event serializer bean.
     *
     * @throws IllegalStateException when there is none, or more than one
     */
    public EventSerializer serializer() {
        return only(serializers, EventSerializer.class);
    }

    /**
     * The one command bus bean.
     *
     * @throws IllegalStateException when there is none, or more than one
     */
    public CommandBus commands() {
        return only(buses, CommandBus.class);
    }

    private static <T> T only(ObjectProvider<T> beans, Class<T> type) {
        T bean = beans.getIfUnique();
        if (bean == null) {
            throw new IllegalStateException("process manager beans need exactly one " + type.getSimpleName()
                    + " bean, found " + beans.stream().count());
        }
        return bean;
    }
}
