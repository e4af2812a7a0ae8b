package dev.ordo.coordination.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGraphValidationUnitTests {

    private static final StepKey<String> A = StepKey.of("a");
    private static final StepKey<String> B = StepKey.of("b");
    private static final StepKey<String> C = StepKey.of("c");
    private static final StepKey<String> D = StepKey.of("d");

    @Test
    void rejectsADependencyOnAStepTheGraphDoesNotHaveAndNamesBoth() {
        ServiceGraph.Builder<Void, String> builder = ServiceGraph.<Void, String>builder("quote")
                .step(A, (in, r) -> "a")
                .step(B, List.of(A, StepKey.of("pricing")), (in, r) -> "b")
                .aggregate((in, r) -> "done");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operation 'quote'")
                .hasMessageContaining("step 'b' depends on unknown step 'pricing'");
    }

    @Test
    void rejectsACycleAndNamesTheStepsInItInDependencyOrder() {
        ServiceGraph.Builder<Void, String> builder = ServiceGraph.<Void, String>builder("loop")
                .step(D, (in, r) -> "d")
                .step(A, List.of(C, D), (in, r) -> "a")
                .step(B, List.of(A), (in, r) -> "b")
                .step(C, List.of(B), (in, r) -> "c")
                .aggregate((in, r) -> "done");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle: 'a' -> 'c' -> 'b' -> 'a'")
                .hasMessageNotContaining("'d'");
    }

    @Test
    void rejectsAStepThatDependsOnItself() {
        ServiceGraph.Builder<Void, String> builder = ServiceGraph.<Void, String>builder("selfish")
                .step(A, List.of(A), (in, r) -> "a")
                .aggregate((in, r) -> "done");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle: 'a' -> 'a'");
    }

    @Test
    void rejectsTwoStepsWithTheSameName() {
        ServiceGraph.Builder<Void, String> builder = ServiceGraph.<Void, String>builder("twice")
                .step(A, (in, r) -> "a");

        assertThatThrownBy(() -> builder.step(StepKey.<Integer>of("a"), (in, r) -> 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a step named 'a'");
    }

    @Test
    void rejectsADependencyListedTwice() {
        ServiceGraph.Builder<Void, String> builder = ServiceGraph.<Void, String>builder("twice")
                .step(A, (in, r) -> "a");

        assertThatThrownBy(() -> builder.step(B, List.of(A, A), (in, r) -> "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 'b' lists its dependency 'a' twice");
    }

    @Test
    void rejectsAGraphWithoutStepsOrWithoutAggregator() {
        assertThatThrownBy(() -> ServiceGraph.<Void, String>builder("empty").aggregate((in, r) -> "x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no step");
        assertThatThrownBy(() -> ServiceGraph.<Void, String>builder("headless").step(A, (in, r) -> "a").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no aggregator");
    }

    @Test
    void rejectsBlankOperationAndStepNames() {
        assertThatThrownBy(() -> ServiceGraph.builder(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StepKey.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsStepsAfterTheirDependenciesAndOtherwiseInDeclarationOrder() {
        ServiceGraph<Void, String> graph = ServiceGraph.<Void, String>builder("ordered")
                .step(C, List.of(B), (in, r) -> "c")
                .step(A, (in, r) -> "a")
                .step(B, List.of(A), (in, r) -> "b")
                .step(D, (in, r) -> "d")
                .aggregate((in, r) -> "done")
                .build();

        assertThat(graph.steps()).containsExactly("a", "b", "c", "d");
        assertThat(graph.dependenciesOf("c")).containsExactly("b");
        assertThat(graph.operation()).isEqualTo("ordered");
    }
}
