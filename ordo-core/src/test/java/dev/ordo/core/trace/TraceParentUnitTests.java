package dev.ordo.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceParentUnitTests {

    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsTheTraceIdSpanIdAndSampledFlagOfAW3cHeader() {
        TraceParent parsed = TraceParent.parse(SAMPLED);

        assertThat(parsed).isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true));
        assertThat(parsed.value()).isEqualTo(SAMPLED);
    }

    @Test
    void readsAnUnsampledContextAsUnsampledAndWritesItBackSo() {
        String unsampled = SAMPLED.substring(0, 53) + "00";

        assertThat(TraceParent.parse(unsampled).sampled()).isFalse();
        assertThat(TraceParent.parse(unsampled).value()).isEqualTo(unsampled);
    }

    @Test
    void tellsAnUnsampledContextWithoutParsingIt() {
        assertThat(TraceParent.isUnsampled(SAMPLED.substring(0, 53) + "00")).isTrue();
        assertThat(TraceParent.isUnsampled(SAMPLED.substring(0, 53) + "02")).isTrue();
        assertThat(TraceParent.isUnsampled(SAMPLED)).isFalse();
        assertThat(TraceParent.isUnsampled(null)).isFalse();
        assertThat(TraceParent.isUnsampled("00-00000000000000000000000000000000-00f067aa0ba902b7-00")).isFalse();
        assertThat(TraceParent.isUnsampled(SAMPLED.substring(0, 53).toUpperCase() + "00")).isFalse();
    }

    @Test
    void readsTheSampledFlagAmongOtherFlags() {
        assertThat(TraceParent.parse(SAMPLED.substring(0, 53) + "03").sampled()).as("sampled, random trace id").isTrue();
        assertThat(TraceParent.parse(SAMPLED.substring(0, 53) + "02").sampled()).isFalse();
    }

    @Test
    void ignoresMissingMalformedAndAllZeroContexts() {
        assertThat(TraceParent.parse(null)).isNull();
        assertThat(TraceParent.parse("00-abc-def-01")).isNull();
        assertThat(TraceParent.parse(SAMPLED.toUpperCase())).isNull();
        assertThat(TraceParent.parse("01" + SAMPLED.substring(2))).isNull();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isNull();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isNull();
        assertThat(TraceParent.parse(SAMPLED.substring(0, 53) + "zz")).isNull();
    }

    @Test
    void refusesToBuildAContextWithoutW3cIds() {
        assertThatThrownBy(() -> new TraceParent("abc", "00f067aa0ba902b7", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'abc'");
    }

    @Test
    void tellsWhetherTwoHeadersBelongToOneTrace() {
        String sibling = "00-4bf92f3577b34da6a3ce929d0e0e4736-1111111111111111-01";
        String other = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(TraceParent.sameTrace(SAMPLED, sibling)).isTrue();
        assertThat(TraceParent.sameTrace(SAMPLED, other)).isFalse();
        assertThat(TraceParent.sameTrace(null, SAMPLED)).isFalse();
        assertThat(TraceParent.traceIdOf(SAMPLED)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
