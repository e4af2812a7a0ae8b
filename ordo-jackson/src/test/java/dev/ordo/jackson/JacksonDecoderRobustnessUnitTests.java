package dev.ordo.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializationException;
import dev.ordo.core.event.EventTypeRegistry;
import dev.ordo.core.event.RecordedEvent;
import dev.ordo.core.event.StreamId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a corrupt or hostile stored payload does to the decoders: they answer with a documented
 * {@link EventSerializationException} (or decode it), never another exception, an {@link Error}, a {@code null} or a
 * hang. The random inputs come from a seed ({@code -Dordo.faults.seed=N} replays one), which every failure names.
 */
@Timeout(60)
class JacksonDecoderRobustnessUnitTests {

    private static final Logger log = LoggerFactory.getLogger(JacksonDecoderRobustnessUnitTests.class);
    private static long seed;

    /** Like a money amount: it normalises its scale, which is where an absurd exponent would cost a fortune. */
    record Price(BigDecimal amount) {
        Price {
            amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    record Priced(String sku, Price price, int quantity, Instant at, List<String> tags) {
    }

    private static final String VALID = "{\"sku\":\"tea\",\"price\":{\"amount\":12.5},\"quantity\":3,"
            + "\"at\":\"2026-03-01T08:00:00Z\",\"tags\":[\"green\",\"loose\"]}";

    /** Version 1 had the amount at the top; its upcaster trusts the field to be there, as upcasters tend to. */
    private final JacksonEventSerializer events = JacksonEventSerializer.builder(EventTypeRegistry.builder()
                    .register(Priced.class, "test.priced", 2).build())
            .upcaster(JsonUpcaster.of("test.priced", 1, payload -> {
                payload.putObject("price").put("amount", payload.get("amount").decimalValue());
                return payload;
            }))
            .build();
    private final JacksonStateCodec<Priced> states = JacksonStateCodec.of(Priced.class, 1);

    @BeforeAll
    static void chooseSeed() {
        String fixed = System.getProperty("ordo.faults.seed");
        seed = fixed != null ? Long.parseLong(fixed) : ThreadLocalRandom.current().nextLong();
        log.info("decoder inputs from seed {} (replay with -Dordo.faults.seed={})", seed, seed);
    }

    private static RecordedEvent recorded(int version, String payload) {
        return new RecordedEvent(UUID.randomUUID(), StreamId.of("price-1"), 1, 1, "test.priced", version, payload,
                EventMetadata.empty(), Instant.parse("2026-03-01T08:00:00Z"));
    }

    @Test
    void decodesTheValidPayloadOfEveryVersion() {
        assertThat(events.deserialize(recorded(2, VALID))).isInstanceOf(Priced.class);
        assertThat(events.deserialize(recorded(1, "{\"sku\":\"tea\",\"amount\":1,\"quantity\":1}")))
                .isEqualTo(new Priced("tea", new Price(BigDecimal.ONE), 1, null, null));
        assertThat(states.decode(VALID)).isInstanceOf(Priced.class);
    }

    @Test
    void refusesAPayloadOfJsonNullInsteadOfDecodingItToNull() {
        assertThatThrownBy(() -> events.deserialize(recorded(2, "null")))
                .isInstanceOf(EventSerializationException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> states.decode("null"))
                .isInstanceOf(EventSerializationException.class).hasMessageContaining("null");
    }

    @Test
    void reportsAnUpcasterThatFailsOnAMalformedPayloadAsASerializationError() {
        assertThatThrownBy(() -> events.deserialize(recorded(1, "{\"sku\":\"tea\"}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageContaining("test.priced").hasMessageContaining("upcast");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1E+999999999", "1e99999999", "1e-999999", "1e1001"})
    void refusesADecimalWithAnAbsurdExponentBeforeAnyConstructorExpandsIt(String amount) {
        String payload = VALID.replace("12.5", amount);

        assertThatThrownBy(() -> events.deserialize(recorded(2, payload)))
                .isInstanceOf(EventSerializationException.class).hasMessageContaining("exponent");
        assertThatThrownBy(() -> events.deserialize(recorded(1, "{\"sku\":\"tea\",\"amount\":" + amount + "}")))
                .isInstanceOf(EventSerializationException.class);
        assertThatThrownBy(() -> states.decode(payload))
                .isInstanceOf(EventSerializationException.class).hasMessageContaining("exponent");
    }

    @Test
    void answersOddPayloadsOnlyWithSerializationErrors() {
        List<String> odd = new ArrayList<>(List.of("", " ", "[]", "42", "\"text\"", "true", "{", "}", "{\"sku\":",
                "{\"sku\":\"\\ud800\"}", "{\"sku\":\"\u202e\u200b\u0000\"}", "\ud800", "{\"quantity\":1e999999999}",
                "{\"quantity\":9223372036854775808}", "{\"quantity\":\"NaN\"}", "{\"quantity\":-0}",
                "{\"at\":1e999999999}", "{\"at\":-1e-999999}", "{\"at\":9223372036854775808}", "{\"at\":\"NaN\"}",
                "{\"tags\":{}}", "{\"tags\":[null]}", "{\"price\":[]}", "{\"price\":{\"amount\":\"NaN\"}}",
                "{\"price\":{\"amount\":null}}", "{\"price\":{\"amount\":12.505}}",
                "{\"sku\":\"" + "x".repeat(100_000) + "\"}", "{\"quantity\":" + "9".repeat(5_000) + "}",
                "[".repeat(100_000), "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000),
                "{\"tags\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
        for (String payload : odd) {
            for (int version : new int[] {1, 2}) {
                decodesOrRefuses(() -> events.deserialize(recorded(version, payload)), payload);
            }
            decodesOrRefuses(() -> states.decode(payload), payload);
        }
    }

    @Test
    void answersRandomBytesAndMutatedPayloadsOnlyWithSerializationErrors() {
        Random random = new Random(seed);
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3_000; i++) {
            byte[] bytes;
            if (i % 3 == 0) {
                bytes = new byte[random.nextInt(200)];
                random.nextBytes(bytes);
            } else {
                bytes = valid.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                if (i % 3 == 2) {
                    bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
            }
            String payload = new String(bytes, StandardCharsets.UTF_8);
            int version = 1 + random.nextInt(2);
            decodesOrRefuses(() -> events.deserialize(recorded(version, payload)), payload);
            decodesOrRefuses(() -> states.decode(payload), payload);
        }
    }

    /** A decoder either decodes to something or refuses with the documented exception. */
    private static void decodesOrRefuses(Supplier<Object> decode, String payload) {
        try {
            assertThat(decode.get()).as("decoded %s (seed %s)", abbreviate(payload), seed).isNotNull();
        } catch (EventSerializationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Throwable unexpected) {
            fail("decoding " + abbreviate(payload) + " threw " + unexpected + " (seed " + seed + ")", unexpected);
        }
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 120 ? payload : payload.substring(0, 120) + "... (" + payload.length() + " chars)";
    }
}
