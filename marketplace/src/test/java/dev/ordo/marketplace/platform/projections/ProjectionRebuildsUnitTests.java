package dev.ordo.marketplace.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.marketplace.platform.projections.ProjectionRebuilds.Rebuild;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ProjectionRebuildsUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final ProjectionRebuilds rebuilds = new ProjectionRebuilds(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void recordsARebuildAsRunningUntilItCompletesAndThenAsSucceeded() {
        CompletableFuture<Void> done = new CompletableFuture<>();

        Rebuild started = rebuilds.start("orders", () -> done);

        assertThat(started.state()).isEqualTo(Rebuild.State.RUNNING);
        assertThat(started.startedAt()).isEqualTo(NOW);
        assertThat(rebuilds.running("orders")).isTrue();
        done.complete(null);
        assertThat(rebuilds.running("orders")).isFalse();
        assertThat(rebuilds.last("orders")).hasValueSatisfying(last -> {
            assertThat(last.state()).isEqualTo(Rebuild.State.SUCCEEDED);
            assertThat(last.finishedAt()).isEqualTo(NOW);
            assertThat(last.error()).isNull();
        });
    }

    @Test
    void refusesASecondRebuildOfTheSameProjectionWhileOneRunsButNotOfAnother() {
        rebuilds.start("orders", CompletableFuture::new);

        assertThatThrownBy(() -> rebuilds.start("orders", () -> CompletableFuture.completedFuture(null)))
                .isInstanceOf(ProjectionRuleViolation.class)
                .hasMessageContaining("projection-rebuild-running").hasMessageContaining("orders");
        assertThat(rebuilds.start("stock", CompletableFuture::new).state()).isEqualTo(Rebuild.State.RUNNING);
    }

    @Test
    void recordsAFailedRebuildWithItsCauseAndAllowsAnotherOne() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        rebuilds.start("orders", () -> done);

        done.completeExceptionally(new IllegalStateException("the shadow table could not be created"));

        assertThat(rebuilds.last("orders")).hasValueSatisfying(last -> {
            assertThat(last.state()).isEqualTo(Rebuild.State.FAILED);
            assertThat(last.error()).contains("the shadow table could not be created");
        });
        assertThat(rebuilds.start("orders", CompletableFuture::new).state()).isEqualTo(Rebuild.State.RUNNING);
    }

    @Test
    void recordsNothingWhenTheRebuildCannotBeStarted() {
        assertThatThrownBy(() -> rebuilds.start("orders", () -> {
            throw new IllegalArgumentException("no projection named 'orders' is started");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(rebuilds.last("orders")).isEmpty();
    }
}
