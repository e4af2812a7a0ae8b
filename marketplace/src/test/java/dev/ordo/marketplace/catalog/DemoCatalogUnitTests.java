package dev.ordo.marketplace.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.test.fixture.DeciderFixture;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DemoCatalogUnitTests {

    private static final DeciderFixture<ProductCommand, Product, ProductEvent> PRODUCTS =
            DeciderFixture.of(new ProductDecider());

    @Test
    void offersTwelveDistinctProductsOfFourProducersPricedInEuro() {
        assertThat(DemoCatalog.products()).hasSize(12);
        assertThat(DemoCatalog.products()).extracting(RegisterProduct::productId).doesNotHaveDuplicates();
        assertThat(DemoCatalog.products()).extracting(RegisterProduct::name).doesNotHaveDuplicates();
        assertThat(DemoCatalog.products()).allSatisfy(product -> {
            assertThat(product.price().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(product.price().signum()).isPositive();
        });
        assertThat(DemoCatalog.producers()).hasSize(4);
        assertThat(DemoCatalog.products()).extracting(product -> new DemoCatalog.Producer(product.producerId(),
                product.producerName())).isSubsetOf(DemoCatalog.producers());
        assertThat(DemoCatalog.producers()).allSatisfy(producer -> assertThat(DemoCatalog.products())
                .filteredOn(product -> product.producerId().equals(producer.id())).hasSize(3));
    }

    @Test
    void returnsTheSameCommandsOnEveryCall() {
        assertThat(DemoCatalog.products()).isEqualTo(DemoCatalog.products());
        assertThat(DemoCatalog.products()).isUnmodifiable();
    }

    @Test
    void registersEveryProductOnAnEmptyStream() {
        for (RegisterProduct product : DemoCatalog.products()) {
            PRODUCTS.when(product).thenState(state -> assertThat(state).isInstanceOf(Product.Registered.class));
        }
    }

    @Test
    void usesDeterministicNameBasedIds() {
        RegisterProduct cheese = DemoCatalog.products().getFirst();

        assertThat(cheese.productId().value())
                .isEqualTo(UUID.nameUUIDFromBytes("ordo-demo-catalog:product:mountain-cheese".getBytes(StandardCharsets.UTF_8)));
        assertThat(cheese.registeredAt()).isEqualTo(DemoCatalog.REGISTERED_AT);
    }
}
