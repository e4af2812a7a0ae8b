package dev.ordo.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.EventSerializationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonStateCodecUnitTests {

    record Cart(String id, List<String> items, Map<String, BigDecimal> prices, Instant updatedAt, boolean checkedOut) {
    }

    record Broken(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("boom");
        }
    }

    private final JacksonStateCodec<Cart> codec = JacksonStateCodec.of(Cart.class, 4);

    @Test
    void encodesAndDecodesTheState() {
        Cart cart = new Cart("c-1", List.of("apple", "pear"), Map.of("apple", new BigDecimal("0.30")),
                Instant.parse("2025-05-06T07:08:09.123Z"), true);

        String encoded = codec.encode(cart);

        assertThat(encoded).startsWith("{").contains("\"id\":\"c-1\"");
        assertThat(codec.decode(encoded)).isEqualTo(cart);
    }

    @Test
    void reportsItsSchemaVersion() {
        assertThat(codec.schemaVersion()).isEqualTo(4);
        assertThat(JacksonStateCodec.of(OrdoJson.mapper(), Cart.class, 1).schemaVersion()).isEqualTo(1);
    }

    @Test
    void refusesASchemaVersionBelowOne() {
        assertThatThrownBy(() -> JacksonStateCodec.of(Cart.class, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts at 1, was 0");
    }

    @Test
    void reportsStateThatCannotBeDecodedWithItsType() {
        assertThatThrownBy(() -> codec.decode("{\"id\":"))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("could not read state " + Cart.class.getName());
    }

    @Test
    void reportsStateOfTheWrongShape() {
        assertThatThrownBy(() -> codec.decode("{\"items\":\"not a list\"}"))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("could not read state");
    }

    @Test
    void reportsStateThatCannotBeEncoded() {
        JacksonStateCodec<Broken> broken = JacksonStateCodec.of(Broken.class, 1);

        assertThatThrownBy(() -> broken.encode(new Broken("x")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("could not write state " + Broken.class.getName());
    }
}
