package dev.ordo.marketplace.payments.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.http.HttpPaymentProvider;
import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code marketplace.payments.provider} chooses the provider that the resilient one wraps. */
class PaymentProviderSwitchIntegrationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PaymentsConfiguration.class)
            .withBean(EventStore.class, () -> mock(EventStore.class))
            .withBean(EventSerializer.class, () -> mock(EventSerializer.class))
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void usesTheFakeInTheProcessByDefault() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PaymentsConfiguration.PROVIDER)).isInstanceOf(FakePaymentProvider.class);
            assertThat(context).doesNotHaveBean(HttpPaymentProvider.class);
        });
    }

    @Test
    void usesTheProviderAtTheUrlOverHttpWhenAsked() {
        runner.withPropertyValues("marketplace.payments.provider=http",
                        "marketplace.payments.http.url=http://psp.example:8443",
                        "marketplace.payments.http.request-timeout=700ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PaymentsConfiguration.PROVIDER))
                            .isInstanceOf(HttpPaymentProvider.class);
                    assertThat(context.getBean(HttpPaymentProvider.class).url())
                            .isEqualTo(URI.create("http://psp.example:8443/"));
                    assertThat(context).doesNotHaveBean(FakePaymentProvider.class);
                    assertThat(context).hasSingleBean(ResilientPaymentProvider.class);
                });
    }

    @Test
    void refusesToStartOverHttpWithoutTheProvidersUrl() {
        runner.withPropertyValues("marketplace.payments.provider=http").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("marketplace.payments.http.url is required");
        });
    }
}
