package dev.ordo.spring.tracing;

import dev.ordo.core.trace.Tracing;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Tracing} bean the toolkit's parts open their spans through: Micrometer Tracing's tracer when the
 * application has a real one (a tracing bridge, such as Spring Boot's OpenTelemetry starter, with tracing enabled),
 * otherwise {@link Tracing#none()}, which records nothing and still passes trace contexts on. Backs off when the
 * application defines its own {@code Tracing} bean.
 */
@AutoConfiguration
public class OrdoTracingAutoConfiguration {

    /** With Micrometer Tracing on the classpath: its tracer, unless that is the no-op one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class WithMicrometerTracing {

        @Bean
        @ConditionalOnMissingBean
        Tracing ordoTracing(ObjectProvider<Tracer> tracers) {
            Tracer tracer = tracers.getIfUnique();
            return tracer == null || tracer == Tracer.NOOP ? Tracing.none() : new MicrometerTracing(tracer);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Tracing ordoNoTracing() {
        return Tracing.none();
    }
}
