package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8LengthUnitTests {

    @Test
    void countsOneBytePerAsciiCharacter() {
        assertThat(AppendRules.utf8Length("")).isZero();
        assertThat(AppendRules.utf8Length("hello {\"a\":1}")).isEqualTo(13);
    }

    @ParameterizedTest
    @CsvSource({
            "007F, 1", "0080, 2", "00E9, 2", "07FF, 2", "0800, 3", "20AC, 3", "FFFF, 3",
            "10000, 4", "1F600, 4", "10FFFF, 4"})
    void countsEachCodePointAtItsEncodedSize(String hex, int bytes) {
        String s = Character.toString(Integer.parseInt(hex, 16));

        assertThat(AppendRules.utf8Length(s)).isEqualTo(bytes);
    }

    @Test
    void countsASurrogatePairAsFourBytesNotSix() {
        String s = "a\uD83D\uDE00b";

        assertThat(AppendRules.utf8Length(s)).isEqualTo(6);
    }

    @Test
    void acceptsAnyCharSequence() {
        StringBuilder builder = new StringBuilder("é€\uD83D\uDE00");

        assertThat(AppendRules.utf8Length(builder)).isEqualTo(2 + 3 + 4);
    }

    @Test
    void agreesWithTheJdkEncoderOnRandomStrings() {
        Random random = new Random(42);
        int[][] ranges = {{0x00, 0x7F}, {0x80, 0x7FF}, {0x800, 0xD7FF}, {0xE000, 0xFFFF}, {0x10000, 0x10FFFF}};

        for (int round = 0; round < 2_000; round++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int[] range = ranges[random.nextInt(ranges.length)];
                s.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            String text = s.toString();

            assertThat(AppendRules.utf8Length(text))
                    .as("length of %s", text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
