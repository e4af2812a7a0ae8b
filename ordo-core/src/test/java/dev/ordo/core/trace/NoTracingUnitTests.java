package dev.ordo.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoTracingUnitTests {

    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void passesTheParentsTraceContextOnUnchangedAndRecordsNothing() throws Exception {
        Tracing none = Tracing.none();

        try (TraceSpan span = none.start("append order", PARENT, List.of("00-other"))) {
            assertThat(span.traceParent()).isEqualTo(PARENT);
            assertThat(span.recording()).isFalse();
            assertThat(span.wrap(() -> "ran").call()).isEqualTo("ran");
        }
        assertThat(none.enabled()).isFalse();
        assertThat(none.current()).isNull();
        assertThat(none.start("command X", null).traceParent()).isNull();
    }
}
