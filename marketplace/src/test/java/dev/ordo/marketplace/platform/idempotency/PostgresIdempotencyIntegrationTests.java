package dev.ordo.marketplace.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.core.store.EventStoreUnavailableException;
import dev.ordo.jdbc.OrdoDatabase;
import dev.ordo.marketplace.platform.MarketplaceSchema;
import dev.ordo.test.faults.FaultyDataSource;
import dev.ordo.test.faults.FaultyDataSource.Call;
import dev.ordo.test.faults.FaultyDataSource.When;
import dev.ordo.test.fixture.MovableClock;
import dev.ordo.test.postgres.PostgresHarness;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

class PostgresIdempotencyIntegrationTests extends IdempotencyContract {

    @Override
    protected OrdoDatabase openDatabase() {
        return OrdoDatabase.postgres(PostgresHarness.newDatabase().pool(8));
    }

    @Test
    void aRequestThatFailsBecauseTheDatabaseIsAwayAnswersWithoutWaitingForItAgainAndItsKeyIsSettledOnceItIsBack() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-04T12:00:00Z"));
        JsonMapper json = JsonMapper.builder().build();
        try (HikariDataSource pool = PostgresHarness.newDatabase().pool(4)) {
            FaultyDataSource connections = FaultyDataSource.wrap(pool);
            OrdoDatabase database = OrdoDatabase.postgres(connections);
            new MarketplaceSchema(database);
            IdempotencyStore store = new IdempotencyStore(database, clock);
            try (ProcessEpoch epoch = new ProcessEpoch(store.client(), clock, "marketplace-1", false)) {
                Idempotency idempotency = new Idempotency(store, epoch, json, Duration.ofHours(24));

                assertThatThrownBy(() -> idempotency.run("k1", () -> "fingerprint", String.class, () -> {
                    connections.fail(When.BEFORE, call -> call.kind() == Call.Kind.CONNECT, Integer.MAX_VALUE,
                            () -> FaultyDataSource.connectionLost("while the database is stopped"));
                    throw new EventStoreUnavailableException("could not append",
                            new SQLTransientConnectionException("Connection is not available, request timed out"));
                }, Optional::empty)).isInstanceOf(EventStoreUnavailableException.class);
                assertThat(connections.injected()).isZero();

                connections.heal();
                idempotency.settleLeftovers();
                assertThat(store.find("k1").orElseThrow().state()).isEqualTo(IdempotencyStore.State.UNKNOWN);
                assertThat(idempotency.run("k1", () -> "fingerprint", String.class, () -> ResponseEntity.ok("ran"),
                        () -> Optional.of(ResponseEntity.ok("recovered"))).getBody()).isEqualTo("recovered");
            }
        }
    }
}
