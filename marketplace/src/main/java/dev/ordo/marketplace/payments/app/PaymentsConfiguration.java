package dev.ordo.marketplace.payments.app;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.payments.PaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payments context's beans: the provider (the {@link FakePaymentProvider} from {@code marketplace.payments.*},
 * unless a bean named {@value #PROVIDER} is registered already, as a test does to keep one fake across restarts), its
 * Resilience4j protection with Micrometer metrics ({@code resilience4j.circuitbreaker.*}, {@code .retry.*},
 * {@code .timelimiter.*}), and the {@link PaymentService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsConfiguration {

    /** The bean name of the raw provider, which the protected one wraps. */
    public static final String PROVIDER = "paymentProvider";

    @Bean(PROVIDER)
    @ConditionalOnMissingBean(name = PROVIDER)
    FakePaymentProvider fakePaymentProvider(PaymentsProperties properties, Clock clock) {
        return new FakePaymentProvider(properties.fake(), clock);
    }

    @Bean(destroyMethod = "close")
    ResilientPaymentProvider resilientPaymentProvider(@Qualifier(PROVIDER) PaymentProvider provider,
                                                      PaymentsProperties properties) {
        return new ResilientPaymentProvider(provider, properties.protection());
    }

    @Bean
    PaymentService paymentService(ResilientPaymentProvider provider, EventStore store, EventSerializer serializer,
                                  Clock clock) {
        return new PaymentService(provider, store, serializer, clock);
    }

    @Bean
    MeterBinder paymentsResilienceMetrics(ResilientPaymentProvider provider) {
        return registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(provider.circuitBreakers()).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(provider.retries()).bindTo(registry);
            TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(provider.timeLimiters()).bindTo(registry);
        };
    }
}
