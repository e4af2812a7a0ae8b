package dev.ordo.marketplace.api;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class SqliteLiveUpdatesIntegrationTests extends LiveUpdatesContract {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
    }
}
