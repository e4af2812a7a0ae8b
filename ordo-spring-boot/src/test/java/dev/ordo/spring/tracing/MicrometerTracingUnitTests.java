package dev.ordo.spring.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.trace.TraceSpan;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Tracing port on Micrometer Tracing over OpenTelemetry, sampling as Spring Boot does: by the parent. */
class MicrometerTracingUnitTests {

    private static final String REQUEST = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String UNSAMPLED = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
    private static final String OTHER = "00-6bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .setSampler(Sampler.parentBased(Sampler.alwaysOn())).build();
    private final MicrometerTracing tracing = new MicrometerTracing(
            new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(), event -> { }));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aSpanContinuesTheGivenTraceparentAndNamesItselfInW3cFormat() {
        String own;
        try (TraceSpan span = tracing.start("append order", REQUEST, List.of(OTHER))) {
            span.tag("ordo.stream", "order-1");
            own = span.traceParent();
            assertThat(span.recording()).isTrue();
            assertThat(tracing.current()).isEqualTo(own);
        }

        SpanData ended = exported.getFinishedSpanItems().getFirst();
        assertThat(ended.getName()).isEqualTo("append order");
        assertThat(ended.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(ended.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(own).isEqualTo("00-" + ended.getTraceId() + "-" + ended.getSpanId() + "-01");
        assertThat(ended.getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getSpanContext().getTraceId()).startsWith("6bf9"));
        assertThat(ended.getAttributes().asMap().values()).contains("order-1");
        assertThat(tracing.current()).isNull();
    }

    @Test
    void withoutAUsableTraceparentTheCurrentSpanIsTheParentOrANewTraceStarts() {
        try (TraceSpan request = tracing.start("http post /orders", null);
             TraceSpan command = tracing.start("command PlaceOrder", "00-malformed-01")) {
            assertThat(command.traceParent()).startsWith(request.traceParent().substring(0, 36));
        }

        List<SpanData> ended = exported.getFinishedSpanItems();
        SpanData request = ended.stream().filter(s -> s.getName().startsWith("http")).findFirst().orElseThrow();
        SpanData command = ended.stream().filter(s -> s.getName().startsWith("command")).findFirst().orElseThrow();
        assertThat(SpanId.isValid(request.getParentSpanId())).isFalse();
        assertThat(command.getParentSpanId()).isEqualTo(request.getSpanId());
    }

    @Test
    void workOnAnUnsampledTraceMakesNoSpanAndPassesTheTraceContextOn() {
        try (TraceSpan span = tracing.start("append order", UNSAMPLED)) {
            assertThat(span.recording()).isFalse();
            assertThat(span.traceParent()).isEqualTo(UNSAMPLED);
        }

        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void underAnUnsampledCurrentSpanWorkWithoutATraceContextPassesTheCurrentOneOn() {
        MicrometerTracing unsampledRoots;
        try (SdkTracerProvider neverSampling = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exported)).setSampler(Sampler.alwaysOff()).build()) {
            unsampledRoots = new MicrometerTracing(new OtelTracer(neverSampling.get("test"),
                    new OtelCurrentTraceContext(), event -> { }));
            try (TraceSpan request = unsampledRoots.start("http post /orders", null);
                 TraceSpan command = unsampledRoots.start("command PlaceOrder", null)) {
                assertThat(request.recording()).isFalse();
                assertThat(request.traceParent()).endsWith("-00");
                assertThat(command.traceParent()).isEqualTo(request.traceParent());
            }
        }

        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void wrappedWorkRunsUnderTheSpanOnAnotherThread() throws Exception {
        try (TraceSpan span = tracing.start("step order-fulfilment/reserve-stock", REQUEST);
             var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThat(executor.submit(span.wrap(tracing::current)).get()).isEqualTo(span.traceParent());
            assertThat(executor.submit(tracing::current).get()).isNull();
        }
    }

    @Test
    void aFailureIsRecordedOnTheSpan() {
        try (TraceSpan span = tracing.start("command PlaceOrder", REQUEST)) {
            span.error(new IllegalStateException("the database is away"));
        }

        assertThat(exported.getFinishedSpanItems().getFirst().getEvents())
                .anySatisfy(event -> assertThat(event.getName()).isEqualTo("exception"));
    }
}
