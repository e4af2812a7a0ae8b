package dev.ordo.coordination.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ordo.coordination.pipeline.PipelineStepOutcome.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PipelineCoordinatorUnitTests {

    /** An order being placed; each step returns a richer copy. */
    record Draft(List<String> items, long totalCents, String id) {

        Draft withTotal(long cents) {
            return new Draft(items, cents, id);
        }

        Draft withId(String newId) {
            return new Draft(items, totalCents, newId);
        }
    }

    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final PipelineCoordinator coordinator = PipelineCoordinator.ofDefaults();

    private final Pipeline<Draft> placement = Pipeline.<Draft>builder("place-order")
            .step("validate", draft -> {
                ran.add("validate");
                return draft.items().isEmpty() ? Decision.stop("an order needs at least one item")
                        : Decision.proceed(draft);
            })
            .step("enrich", draft -> {
                ran.add("enrich");
                return Decision.proceed(draft.withTotal(draft.items().size() * 450L));
            })
            .step("persist", draft -> {
                ran.add("persist");
                if (draft.totalCents() > 10_000) {
                    throw new IllegalStateException("orders above 100.00 need a manual check");
                }
                return Decision.proceed(draft.withId("order-1"));
            })
            .build();

    @Test
    void runsTheStepsInOrderEachWithTheContextThePreviousOneProceededWith() {
        PipelineResult<Draft> result = coordinator.run(placement, new Draft(List.of("tea", "cake"), 0, null));

        assertThat(ran).containsExactly("validate", "enrich", "persist");
        assertThat(result.status()).isEqualTo(PipelineResult.Status.COMPLETED);
        assertThat(result.isCompleted()).isTrue();
        assertThat(result.context()).isEqualTo(new Draft(List.of("tea", "cake"), 900, "order-1"));
        assertThat(result.outcomes()).extracting(PipelineStepOutcome::step, PipelineStepOutcome::status)
                .containsExactly(tuple("validate", Status.COMPLETED), tuple("enrich", Status.COMPLETED),
                        tuple("persist", Status.COMPLETED));
        assertThat(result.stopReason()).isEmpty();
        assertThat(result.failure()).isEmpty();
        assertThat(result.operation()).isEqualTo("place-order");
    }

    @Test
    void stopsAtTheStepThatSaysSoWithItsReasonAndSkipsTheRest() {
        Draft empty = new Draft(List.of(), 0, null);

        PipelineResult<Draft> result = coordinator.run(placement, empty);

        assertThat(ran).containsExactly("validate");
        assertThat(result.status()).isEqualTo(PipelineResult.Status.STOPPED);
        assertThat(result.stopReason()).contains("an order needs at least one item");
        assertThat(result.context()).isSameAs(empty);
        assertThat(result.outcomes()).extracting(PipelineStepOutcome::status)
                .containsExactly(Status.STOPPED, Status.SKIPPED, Status.SKIPPED);
        assertThat(result.outcome("validate").orElseThrow().reason()).contains("an order needs at least one item");
        assertThat(result.endedBy().orElseThrow().step()).isEqualTo("validate");
    }

    @Test
    void reportsAFailingStepWithItsErrorAndTheLastContext() {
        List<String> items = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
                "p", "q", "r", "s", "t", "u", "v", "w");

        PipelineResult<Draft> result = coordinator.run(placement, new Draft(items, 0, null));

        assertThat(result.status()).isEqualTo(PipelineResult.Status.FAILED);
        assertThat(result.failure()).get().isInstanceOf(IllegalStateException.class)
                .extracting(Throwable::getMessage).isEqualTo("orders above 100.00 need a manual check");
        assertThat(result.context().totalCents()).isEqualTo(10_350);
        assertThat(result.outcome("persist").orElseThrow().status()).isEqualTo(Status.FAILED);
    }

    @Test
    void failsAStepThatReturnsNoDecision() {
        Pipeline<String> broken = Pipeline.<String>builder("broken")
                .step("forgetful", text -> null)
                .step("never", Decision::proceed)
                .build();

        PipelineResult<String> result = coordinator.run(broken, "x");

        assertThat(result.status()).isEqualTo(PipelineResult.Status.FAILED);
        assertThat(result.failure()).get().isInstanceOf(NullPointerException.class)
                .extracting(Throwable::getMessage)
                .isEqualTo("pipeline step 'forgetful' returned null instead of a Decision");
        assertThat(result.outcome("never").orElseThrow().status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void setsTheInterruptFlagAgainWhenAStepWasInterrupted() {
        Pipeline<String> interrupted = Pipeline.<String>builder("interrupted")
                .step("wait", text -> {
                    throw new InterruptedException("shutting down");
                })
                .build();

        PipelineResult<String> result = coordinator.run(interrupted, "x");

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.failure()).get().isInstanceOf(InterruptedException.class);
    }

    @Test
    void rejectsPipelinesWithoutStepsOrWithTwoStepsOfTheSameNameAndStopsWithoutReason() {
        assertThatThrownBy(() -> Pipeline.<String>builder("empty").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pipeline 'empty' has no step");
        assertThatThrownBy(() -> Pipeline.<String>builder("twice").step("a", Decision::proceed)
                .step("a", Decision::proceed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already has a step named 'a'");
        assertThatThrownBy(() -> Decision.stop(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(placement.steps()).containsExactly("validate", "enrich", "persist");
    }
}
