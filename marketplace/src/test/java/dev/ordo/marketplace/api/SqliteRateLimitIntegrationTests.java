package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The per-client rate limit of the embedded app, set low: 30 requests, refilled over 3 seconds. A client over its
 * rate gets 429 with {@code Retry-After} and may go on once its bucket filled again; other clients are not held back;
 * refusals are counted in {@code marketplace_rate_limited_total}.
 */
class SqliteRateLimitIntegrationTests extends MarketplaceApiTests {

    static final int CAPACITY = 30;

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
        registry.add("marketplace.rate-limit.enabled", () -> "true");
        registry.add("marketplace.rate-limit.capacity", () -> CAPACITY);
        registry.add("marketplace.rate-limit.period", () -> "3s");
    }

    @Test
    void aClientOverItsRateIsRefusedWithRetryAfterAndServedAgainOnceItsBucketRefilled() {
        Api alice = api.as("alice");
        alice.token();
        Api.Response refused = null;
        // the bucket refills as the requests go (greedily, 10 per second): allow for that
        for (int i = 0; i < 3 * CAPACITY && refused == null; i++) {
            Api.Response response = alice.get("/orders");
            if (response.status() == 429) {
                refused = response;
            } else {
                response.expect(200);
            }
        }

        assertThat(refused).as("a refusal within %s requests", 3 * CAPACITY).isNotNull();
        JsonNode problem = problem(refused, 429);
        assertThat(problem.get("type").asString()).endsWith("/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3L);
        api.as("bob").get("/orders").expect(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> alice.get("/orders").status() == 200);
        assertThat(refusals("subject")).isPositive();
    }

    @Test
    void requestsWithoutATokenAreLimitedByAddress() {
        Api anonymous = api.anonymous();
        int refused = 0;
        for (int i = 0; i < 3 * CAPACITY && refused == 0; i++) {
            int status = anonymous.get("/catalog/producers").status();
            assertThat(status).isIn(200, 429);
            refused += status == 429 ? 1 : 0;
        }

        assertThat(refused).isPositive();
        assertThat(refusals("address")).isPositive();
    }

    private double refusals(String by) {
        String metrics = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.as("operator").get("/actuator/prometheus"), r -> r.status() == 200).body();
        Matcher matcher = Pattern.compile("marketplace_rate_limited_total\\{by=\"" + by + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        assertThat(matcher.find()).as("the refusals by %s in the metrics", by).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
