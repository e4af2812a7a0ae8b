package dev.ordo.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.ordo.test.faults.FaultyDataSource.Call;
import dev.ordo.test.postgres.PostgresHarness;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Faults at each boundary of an append on PostgreSQL, where the commit is the writer's single autocommitted
 * {@code append} statement (or the commit of its pessimistic transaction).
 */
class PostgresAppendFaultPointsIntegrationTests extends AppendFaultPointsContract {

    private static HikariDataSource pool;
    private static OrdoDatabase database;

    @BeforeAll
    static void startDatabase() {
        pool = PostgresHarness.newDatabase().pool(8);
        database = OrdoDatabase.postgres(pool);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
        pool.close();
    }

    @Override
    protected OrdoDatabase database() {
        return database;
    }

    @Override
    protected Predicate<Call> commitPoint() {
        String append = database.dialect().sql.get("append");
        return call -> call.commits() || call.kind() == Call.Kind.EXECUTE && append.equals(call.sql());
    }
}
