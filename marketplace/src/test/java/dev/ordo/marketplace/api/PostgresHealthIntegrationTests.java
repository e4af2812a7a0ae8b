package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterPolicy;
import dev.ordo.core.deadletter.DeadLetterStore;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.test.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The marketplace's three health states over HTTP, on a database of its own on the test PostgreSQL server: UP;
 * DEGRADED (still 200, readiness too) while a dead letter is parked, UP again once it is discarded; and, while the
 * database refuses connections, readiness DOWN (503) with liveness still UP (200), readiness 200 again without a
 * restart.
 */
class PostgresHealthIntegrationTests extends MarketplaceApiTests {

    private static PostgresDatabase database;

    @Autowired
    DeadLetterStore deadLetters;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        database = TestStores.postgres(registry);
        // subscriptions that failed while the database was away retry within a second once it is back
        registry.add("ordo.subscriptions.max-backoff", () -> "1s");
    }

    private JsonNode health(String path, int status) {
        return api.get("/actuator/health" + path).expect(status).json();
    }

    private JsonNode awaitHealth(String path, int status, String expected) {
        return await().atMost(PATIENCE).until(() -> api.get("/actuator/health" + path),
                r -> r.status() == status && r.json().get("status").asString().equals(expected)).json();
    }

    @Test
    void isUpThenDegradedWhileADeadLetterIsParkedAndUpAgainOnceItIsDiscarded() {
        awaitHealth("", 200, "UP");
        FailedMessage message = new FailedMessage(newId(), "order.placed.v1", "{}", 1L, Map.of());
        DeadLetter parked = deadLetters.recordFailure(Origin.consumer("health-test"), "order-1", message,
                new Failure("java.lang.IllegalStateException", "handler failed", "handler failed"),
                DeadLetterPolicy.builder().maxAttempts(1).build());

        JsonNode degraded = health("", 200);

        assertThat(degraded.get("status").asString()).isEqualTo("DEGRADED");
        JsonNode ordo = degraded.get("components").get("ordo");
        assertThat(ordo.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(ordo.get("details").get("deadLetters").get("parkedByOrigin").get("consumer:health-test").asLong())
                .isEqualTo(1);
        assertThat(ordo.get("details").get("degradedBy").get(0).asString()).startsWith("1 dead letter parked");
        assertThat(health("/readiness", 200).get("status").asString()).isEqualTo("DEGRADED");
        assertThat(health("/liveness", 200).get("status").asString()).isEqualTo("UP");

        deadLetters.discard(parked.id(), "operator", "tested");

        assertThat(health("", 200).get("status").asString()).isEqualTo("UP");
        assertThat(health("/readiness", 200).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessIsDownAndLivenessUpWhileTheDatabaseRefusesConnectionsAndReadyAgainWithoutARestart()
            throws SQLException {
        awaitHealth("/readiness", 200, "UP");
        assertThat(health("/liveness", 200).get("components").propertyNames()).containsExactly("livenessState");

        refuseConnections(true);
        try {
            JsonNode readiness = awaitHealth("/readiness", 503, "DOWN");

            assertThat(readiness.get("components").get("ordo").get("status").asString()).isEqualTo("DOWN");
            assertThat(readiness.get("components").get("readinessState").get("status").asString()).isEqualTo("UP");
            assertThat(health("/liveness", 200).get("status").asString()).isEqualTo("UP");
            assertThat(health("", 503).get("status").asString()).isEqualTo("DOWN");
        } finally {
            refuseConnections(false);
        }

        await().atMost(PATIENCE).until(() -> api.get("/actuator/health/readiness").status() == 200);
    }

    /**
     * Makes the application's database refuse new connections and ends those it holds, or accept them again; the
     * rest of the shared server is left alone.
     */
    private static void refuseConnections(boolean refuse) throws SQLException {
        String server = database.jdbcUrl().substring(0, database.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = DriverManager.getConnection(server, database.properties());
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " WITH ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.name() + "'");
            }
        }
    }
}
