package dev.ordo.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InMemoryTracingUnitTests {

    private final InMemoryTracing tracing = new InMemoryTracing();

    @Test
    void aSpanWithoutAParentIsAChildOfTheThreadsCurrentSpanAndTheCurrentOneAgainOnceClosed() {
        try (TraceSpan outer = tracing.start("outer", null)) {
            try (TraceSpan inner = tracing.start("inner", "not a traceparent")) {
                assertThat(tracing.current()).isEqualTo(inner.traceParent());
            }
            assertThat(tracing.current()).isEqualTo(outer.traceParent());
        }

        assertThat(tracing.current()).isNull();
        InMemoryTracing.Span outer = tracing.named("outer").getFirst();
        assertThat(outer.parentSpanId()).isNull();
        assertThat(tracing.named("inner").getFirst().parentSpanId()).isEqualTo(outer.spanId());
    }

    @Test
    void workWrappedByASpanRunsUnderItOnAnotherThread() throws Exception {
        String seen;
        try (TraceSpan span = tracing.start("step", null);
             var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            seen = executor.submit(span.wrap(tracing::current)).get();
            assertThat(seen).isEqualTo(span.traceParent());
        }
    }

    @Test
    void keepsNothingOfAnUnsampledTrace() {
        tracing.start("append", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").close();

        assertThat(tracing.ended()).isEmpty();
    }
}
