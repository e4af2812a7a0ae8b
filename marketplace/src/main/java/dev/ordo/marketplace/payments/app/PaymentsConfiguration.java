package dev.ordo.marketplace.payments.app;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.payments.PaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.http.HttpPaymentProvider;
import dev.ordo.marketplace.platform.wiring.ContextEvents;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payments context's beans: the provider (with {@code marketplace.payments.provider=fake}, the default, the
 * {@link FakePaymentProvider} from {@code marketplace.payments.*}; with {@code http}, the {@link HttpPaymentProvider}
 * at {@code marketplace.payments.http.url}; either unless a bean named {@value #PROVIDER} is registered already, as a
 * test does to keep one fake across restarts), its
 * Resilience4j protection with Micrometer metrics ({@code resilience4j.circuitbreaker.*}, {@code .retry.*},
 * {@code .timelimiter.*}), and the {@link PaymentService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsConfiguration {

    /** The bean name of the raw provider, which the protected one wraps. */
    public static final String PROVIDER = "paymentProvider";

    /** The property that chooses the provider. */
    static final String PROVIDER_PROPERTY = "marketplace.payments.provider";

    @Bean
    ContextEvents paymentEvents() {
        return events -> events.registerSealed(PaymentEvent.class);
    }

    @Bean(PROVIDER)
    @ConditionalOnMissingBean(name = PROVIDER)
    @ConditionalOnProperty(name = PROVIDER_PROPERTY, havingValue = "fake", matchIfMissing = true)
    FakePaymentProvider fakePaymentProvider(PaymentsProperties properties, Clock clock) {
        return new FakePaymentProvider(properties.fake(), clock);
    }

    @Bean(name = PROVIDER, destroyMethod = "close")
    @ConditionalOnMissingBean(name = PROVIDER)
    @ConditionalOnProperty(name = PROVIDER_PROPERTY, havingValue = "http")
    HttpPaymentProvider httpPaymentProvider(PaymentsProperties properties) {
        return new HttpPaymentProvider(properties.httpProvider());
    }

    @Bean
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
        };
    }
}
