package dev.ordo.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.subscription.CheckpointStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link CheckpointStore}: a backend passes it by implementing {@link #checkpoints()}. */
public interface CheckpointStoreContract {

    /** The checkpoint store under test. */
    CheckpointStore checkpoints();

    private static String name() {
        return "subscription-" + UUID.randomUUID();
    }

    @Test
    default void anUnknownSubscriptionStartsAtZero() {
        assertThat(checkpoints().load(name())).isZero();
    }

    @Test
    default void savesAndLoadsTheLastHandledPosition() {
        String name = name();

        checkpoints().save(name, 42);

        assertThat(checkpoints().load(name)).isEqualTo(42);
    }

    @Test
    default void saveNeverMovesACheckpointBackwards() {
        String name = name();
        checkpoints().save(name, 42);

        checkpoints().save(name, 41);

        assertThat(checkpoints().load(name)).isEqualTo(42);
    }

    @Test
    default void resetMovesACheckpointAnywhere() {
        String name = name();
        checkpoints().save(name, 42);

        checkpoints().reset(name, 0);

        assertThat(checkpoints().load(name)).isZero();
    }

    @Test
    default void keepsSubscriptionsApart() {
        String a = name();
        String b = name();

        checkpoints().save(a, 7);
        checkpoints().save(b, 9);

        assertThat(checkpoints().load(a)).isEqualTo(7);
        assertThat(checkpoints().load(b)).isEqualTo(9);
    }
}
