package dev.ordo.spring.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.trace.InMemoryTracing;
import dev.ordo.core.trace.Tracing;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OrdoTracingAutoConfigurationUnitTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OrdoTracingAutoConfiguration.class));

    @Test
    void tracesThroughTheApplicationsTracer() {
        try (SdkTracerProvider provider = SdkTracerProvider.builder().build()) {
            context.withBean(Tracer.class, () -> new OtelTracer(provider.get("test"), new OtelCurrentTraceContext(),
                            event -> { }))
                    .run(app -> assertThat(app.getBean(Tracing.class)).isInstanceOf(MicrometerTracing.class));
        }
    }

    @Test
    void tracesNothingWithoutATracerOrWithTheNoopOne() {
        context.run(app -> assertThat(app.getBean(Tracing.class)).isSameAs(Tracing.none()));
        context.withBean(Tracer.class, () -> Tracer.NOOP)
                .run(app -> assertThat(app.getBean(Tracing.class)).isSameAs(Tracing.none()));
    }

    @Test
    void backsOffForTheApplicationsOwnTracing() {
        InMemoryTracing own = new InMemoryTracing();

        context.withBean(Tracing.class, () -> own).run(app -> assertThat(app.getBean(Tracing.class)).isSameAs(own));
    }
}
