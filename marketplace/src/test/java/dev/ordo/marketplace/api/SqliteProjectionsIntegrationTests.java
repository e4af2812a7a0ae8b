package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The projections an operator sees and rebuilds over HTTP ({@code /projections}), on SQLite: the marketplace's read
 * models with their progress and lag, a rebuild that leaves the read model answering as before, and who may ask.
 */
class SqliteProjectionsIntegrationTests extends MarketplaceApiTests {

    private static final List<String> MARKETPLACE = List.of("notifications", "order-timeline", "orders", "products",
            "stock");

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
    }

    @Test
    void listsTheMarketplacesProjectionsByNameWithTheirVersionStateAndLag() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        awaitOrder(id, 1);

        List<JsonNode> projections = api.get("/projections").expect(200).json().valueStream().toList();

        assertThat(projections).extracting(p -> p.get("name").asString()).containsExactlyElementsOf(MARKETPLACE);
        assertThat(projections).allSatisfy(p -> {
            assertThat(p.get("version").asInt()).isPositive();
            assertThat(p.get("rebuilding").asBoolean()).isFalse();
            JsonNode status = p.get("status");
            assertThat(status.get("state").asString()).isIn("LIVE", "CATCHING_UP");
            assertThat(status.get("head").asLong()).isPositive();
            assertThat(status.get("lagEvents").asLong()).isNotNegative();
            assertThat(status.has("lagSeconds")).isTrue();
            assertThat(status.has("checkpoint")).isTrue();
        });
    }

    @Test
    void aRebuildIsAcceptedRunsToTheEndAndLeavesTheReadModelAnsweringAsBefore() {
        String id = placed(newId(), item(available(1), 2)).get("orderId").asString();
        String before = awaitOrder(id, 1).json().toString();
        long listedBefore = api.get("/orders?size=1").expect(200).json().get("totalItems").asLong();

        JsonNode accepted = api.post("/projections/orders/rebuild", null).expect(202).json();

        assertThat(accepted.get("name").asString()).isEqualTo("orders");
        assertThat(accepted.get("lastRebuild").get("startedAt").asString()).isNotBlank();
        JsonNode rebuilt = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> projection("orders"), p -> !p.get("rebuilding").asBoolean()
                        && p.get("lastRebuild").get("state").asString().equals("SUCCEEDED"));
        assertThat(rebuilt.get("lastRebuild").get("finishedAt").asString()).isNotBlank();
        assertThat(rebuilt.get("status").get("state").asString()).isIn("LIVE", "CATCHING_UP");
        assertThat(api.get("/orders/" + id).expect(200).json().toString()).isEqualTo(before);
        assertThat(api.get("/orders?size=1").expect(200).json().get("totalItems").asLong()).isEqualTo(listedBefore);
    }

    @Test
    void aProjectionThisApplicationDoesNotRunIsNotFound() {
        JsonNode problem = problem(api.post("/projections/no-such-projection/rebuild", null), 404);

        assertThat(problem.get("rule").asString()).isEqualTo("projection-not-found");
        assertThat(problem.get("detail").asString()).contains("no-such-projection");
    }

    @Test
    void onlyAnOperatorSeesOrRebuildsProjections() {
        JsonNode lastRebuild = projection("orders").get("lastRebuild");

        for (String user : List.of("alice", "alpenhof")) {
            Api other = api.as(user);
            problem(other.get("/projections"), 403);
            problem(other.post("/projections/orders/rebuild", null), 403);
        }
        problem(api.anonymous().get("/projections"), 401);
        assertThat(projection("orders").get("lastRebuild")).as("the refused requests started no rebuild")
                .isEqualTo(lastRebuild);
    }

    private JsonNode projection(String name) {
        return api.get("/projections").expect(200).json().valueStream()
                .filter(p -> p.get("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
