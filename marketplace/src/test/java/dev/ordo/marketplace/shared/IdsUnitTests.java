package dev.ordo.marketplace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.StreamId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsUnitTests {

    @Test
    void makesIdsThatFormStreamIdsOfTheirCategory() {
        UUID uuid = UUID.fromString("7f3c2a10-0000-4000-8000-000000000001");

        assertThat(StreamId.of("order", OrderId.of(uuid))).hasToString("order-" + uuid);
        assertThat(StreamId.of("product", ProductId.parse(uuid.toString())).category()).isEqualTo("product");
        assertThat(CustomerId.parse(uuid.toString())).isEqualTo(CustomerId.of(uuid)).hasToString(uuid.toString());
    }

    @Test
    void refuseTextThatIsNotAUuidAndAMissingValue() {
        assertThatThrownBy(() -> OrderId.parse("42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProductId(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("product id");
    }
}
