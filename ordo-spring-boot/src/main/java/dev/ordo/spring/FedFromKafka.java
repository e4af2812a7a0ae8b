package dev.ordo.spring;

import java.util.List;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Which projections (or process managers) are fed from Kafka rather than the store, from
 * {@code <prefix>.enabled} and {@code <prefix>.names}: none unless enabled; when enabled, those named, or every one
 * when no name is given. Read from the environment so that the store's side needs no Kafka classes.
 *
 * @param enabled whether any is fed from Kafka
 * @param names   the ones fed from Kafka; empty for all of them
 */
public record FedFromKafka(boolean enabled, List<String> names) implements Predicate<String> {

    public FedFromKafka {
        names = List.copyOf(names);
    }

    /** The settings under the prefix, for example {@code ordo.kafka.projections}. */
    public static FedFromKafka of(Environment environment, String prefix) {
        Binder binder = Binder.get(environment);
        return new FedFromKafka(binder.bind(prefix + ".enabled", Boolean.class).orElse(false),
                binder.bind(prefix + ".names", Bindable.listOf(String.class)).orElse(List.of()));
    }

    /** Whether the one of that name is fed from Kafka. */
    @Override
    public boolean test(String name) {
        return enabled && (names.isEmpty() || names.contains(name));
    }
}
