package dev.ordo.marketplace.api;

import dev.ordo.test.postgres.PostgresDatabase;
import dev.ordo.test.postgres.PostgresHarness;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the application under test at its database: a SQLite file, or a new database on the test PostgreSQL. */
public final class TestStores {

    private TestStores() {
    }

    /** A SQLite file in a folder that is resolved when the application starts (a {@code @TempDir} by then). */
    public static void sqlite(DynamicPropertyRegistry registry, Supplier<Path> folder) {
        registry.add("ordo.store.type", () -> "sqlite");
        registry.add("ordo.store.sqlite.path", () -> folder.get().resolve("ordo.db").toString());
        registry.add("marketplace.security.dev-issuer.key-file",
                () -> folder.get().resolve("dev-issuer-key.json").toString());
    }

    /** A new, empty database on the PostgreSQL server that the test JVM shares; returned for tests that act on it. */
    public static PostgresDatabase postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase database = PostgresHarness.newDatabase();
        registry.add("ordo.store.type", () -> "postgres");
        registry.add("ordo.store.postgres.url", database::jdbcUrl);
        registry.add("ordo.store.postgres.username", database::user);
        registry.add("ordo.store.postgres.password", database::password);
        return database;
    }
}
