package dev.ordo.core.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderUnitTests {

    private final Decider<Integer, List<String>, String> log = Decider.of(
            List::of,
            (command, state) -> command < 0 ? List.of() : List.of("e" + command),
            (state, event) -> {
                List<String> next = new ArrayList<>(state);
                next.add(event);
                return List.copyOf(next);
            });

    @Test
    void delegatesToTheThreeFunctions() {
        List<String> initial = log.initialState();

        List<String> decided = log.decide(7, initial);

        assertThat(initial).isEmpty();
        assertThat(decided).containsExactly("e7");
        assertThat(log.evolve(List.of("a"), "b")).containsExactly("a", "b");
    }

    @Test
    void foldsEventsInOrderOverTheInitialState() {
        List<String> state = log.fold(List.of("a", "b", "c"));

        assertThat(state).containsExactly("a", "b", "c");
    }

    @Test
    void foldsEventsOverAGivenState() {
        List<String> state = log.fold(List.of("x"), List.of("a", "b"));

        assertThat(state).containsExactly("x", "a", "b");
    }

    @Test
    void foldsNoEventsIntoTheStartingState() {
        assertThat(log.fold(List.of())).isEmpty();
        assertThat(log.fold(List.of("x"), List.of())).containsExactly("x");
    }

    @Test
    void refusesAnEvolveThatReturnsNull() {
        Decider<Object, String, String> broken = Decider.of(() -> "", (c, s) -> List.of(), (s, e) -> null);

        assertThatThrownBy(() -> broken.fold(List.of("a")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("evolve returned null");
    }

    @Test
    void asksForAFreshInitialStateEachTime() {
        Decider<Object, List<String>, String> fresh = Decider.of(ArrayList::new, (c, s) -> List.of(), (s, e) -> s);

        assertThat(fresh.initialState()).isNotSameAs(fresh.initialState());
    }

    @Test
    void refusesMissingFunctions() {
        assertThatThrownBy(() -> Decider.of(null, (c, s) -> List.of(), (s, e) -> s))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("initialState");
        assertThatThrownBy(() -> Decider.of(() -> "", null, (s, e) -> s))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("decide");
        assertThatThrownBy(() -> Decider.of(() -> "", (c, s) -> List.of(), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("evolve");
    }
}
