package dev.ordo.marketplace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import dev.ordo.marketplace.api.QuickPaymentFaults;
import dev.ordo.marketplace.payments.app.ResilientPaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters and parked sagas in an operator's browser, from a real failure: a refund that keeps failing while the
 * payment provider is away parks the fulfilment's compensation, which opens a dead letter of origin
 * {@code saga-step:order-fulfilment}. The fake provider is the application's own bean, put back after each test.
 */
class DeadLetterBrowserTests extends BrowserTests {

    private static final String ORIGIN = "saga-step:order-fulfilment";

    @Autowired
    FakePaymentProvider payments;

    @Autowired
    ResilientPaymentProvider protectedPayments;

    private DemoApi api;

    /** Few, quick attempts, so that a refund is parked within seconds. */
    @DynamicPropertySource
    static void quickToPark(DynamicPropertyRegistry registry) {
        QuickPaymentFaults.register(registry, Duration.ofMillis(300));
    }

    /** A saga whose refund was parked, and its dead letter. */
    private record Parked(String orderId, String sagaId, String letterId) {
    }

    @BeforeEach
    void connectToTheApi() {
        api = new DemoApi(url(""));
    }

    @AfterEach
    void bringThePaymentProviderBack() {
        paymentProviderFixed();
    }

    @Test
    void anOperatorRedrivesAParkedLetterOnceTheCauseIsFixedAndSeesItResolvedWithTheNoteInItsHistory() {
        Parked parked = parkARefund();
        paymentProviderFixed();
        signIn(page, "operator");
        page.navigate("/ui/dead-letters.html");

        Locator row = page.locator("tr[data-letter-id='" + parked.letterId() + "']");
        assertThat(row.locator(".status")).hasText("PARKED");
        row.click();
        assertThat(page.locator("#letter-status")).hasText("PARKED");
        assertThat(page.locator("#letter-error")).containsText("unavailable");
        assertThat(page.locator("#stack-trace")).isVisible();
        assertThat(page.locator("#payload")).containsText(parked.sagaId());
        assertThat(page.locator("#history tr[data-action='PARKED']")).hasCount(1);
        assertThat(page).hasURL(Pattern.compile("[?&]id=" + parked.letterId()));
        screenshot(page, "dead-letters");

        page.fill("#note", "provider back");
        page.click("#redrive");

        assertThat(page.locator("#letter-status")).hasText("RESOLVED");
        assertThat(page.locator("#history tr[data-action='RESOLVED'] .note")).hasText("provider back");
        assertThat(page.locator("#history tr[data-action='RESOLVED']")).containsText("operator");
        assertThat(row.locator(".status")).hasText("RESOLVED");
        assertThat(page.locator("#redrive")).hasCount(0);
        api.awaitUntil("/sagas/" + parked.sagaId(), saga -> saga.get("status").asString().equals("COMPENSATED"));
    }

    @Test
    void discardingALetterTakesANoteAndShowsItDiscardedWithTheNoteInItsHistory() {
        Parked parked = parkARefund();
        signIn(page, "operator");
        page.navigate("/ui/dead-letters.html?status=PARKED&origin=" + ORIGIN + "&id=" + parked.letterId());
        assertThat(page.locator("#origin")).hasValue(ORIGIN);
        assertThat(page.locator("#letter-status")).hasText("PARKED");

        page.click("#discard");

        assertThat(page.locator("#messages .problem")).containsText("a note is required");
        assertThat(page.locator("#letter-status")).hasText("PARKED");

        page.fill("#note", "refunded by hand, ticket 4711");
        page.click("#discard");

        assertThat(page.locator("#letter-status")).hasText("DISCARDED");
        assertThat(page.locator("#history tr[data-action='DISCARDED'] .note")).hasText("refunded by hand, ticket 4711");
        assertThat(page.locator("tr[data-letter-id='" + parked.letterId() + "'] .status")).hasText("DISCARDED");
        assertThat(page.locator("#actions")).hasCount(0);
    }

    @Test
    void redrivingEveryLetterOfASagaStepOriginIsRefusedWithTheApisProblem() {
        parkARefund();
        signIn(page, "operator");
        page.navigate("/ui/dead-letters.html");
        page.selectOption("#origin", ORIGIN);

        page.click("#redrive-all");

        assertThat(page.locator("#messages .problem")).containsText("redrive parked sagas one by one");
    }

    @Test
    void theSystemPageShowsTheHealthDegradedByTheParkedLetterAndTheOpenBreakerOfTheProviderThatIsAway() {
        parkARefund();
        signIn(page, "operator");

        page.navigate("/ui/system.html");

        assertThat(page.locator("#health-status")).hasText("DEGRADED");
        assertThat(page.locator("#degraded-by")).containsText("parked");
        assertThat(page.locator("tr[data-component='ordo'] .status")).hasText("DEGRADED");
        assertThat(page.locator("tr[data-component='payments'] .status")).hasText("DEGRADED");
        assertThat(page.locator("tr[data-breaker='payments'] .status")).hasText("OPEN");
    }

    @Test
    void anOperatorFollowsAParkedSagaFromTheListToItsStepsFailureAndEventsAndRedrivesIt() {
        Parked parked = parkARefund();
        paymentProviderFixed();
        signIn(page, "operator");
        page.navigate("/ui/sagas.html");

        page.locator("#parked tr[data-saga-id='" + parked.sagaId() + "'] a").click();

        assertThat(page).hasURL(url("/ui/saga.html?id=" + parked.sagaId()));
        assertThat(page.locator("#saga-status")).hasText("PARKED");
        assertThat(page.locator("#saga-failure")).isVisible();
        assertThat(page.locator("#steps tr[data-step='take-payment'] .status")).hasText("COMPENSATION_PARKED");
        assertThat(page.locator("#compensation-steps tr[data-step='take-payment']")).isVisible();
        assertThat(page.locator("#events tbody tr").last()).containsText("saga.compensation-parked");
        assertThat(page.locator("a[href='/ui/order.html?id=" + parked.orderId() + "']")).isVisible();
        screenshot(page, "saga");

        page.click("#redrive");

        assertThat(page.locator("#saga-status")).hasText(Pattern.compile("^COMPENSAT(ING|ED)$"));
        assertThat(page.locator("#events")).containsText("saga.compensation-redriven");
        assertThat(page.locator("#redrive")).hasCount(0);
    }

    /**
     * Takes an order's payment, then cancels its fulfilment while the capture hangs and the provider goes away: the
     * refund keeps failing and is parked.
     */
    private Parked parkARefund() {
        CountDownLatch charged = payments.hangAfterNextCapture();
        String orderId = api.placeAsAlice(api.plentiful(null).getLast().get("productId").asString(), 1);
        try {
            assertThat(charged.await(DemoApi.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("the capture charged")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        api.post("operator", "/orders/" + orderId + "/fulfilment/cancel",
                Map.of("reason", "customer changed their mind"));
        payments.outage(true);
        payments.releaseHangs();
        String sagaId = api.awaitUntil("/orders/" + orderId + "/fulfilment",
                saga -> saga.get("status").asString().equals("PARKED")).get("sagaId").asString();
        JsonNode letters = api.awaitUntil("/dead-letters?status=PARKED&origin=" + ORIGIN,
                all -> all.valueStream().anyMatch(letter -> letter.get("key").asString().equals(sagaId)));
        String letterId = letters.valueStream().filter(letter -> letter.get("key").asString().equals(sagaId))
                .findFirst().orElseThrow().get("id").asString();
        return new Parked(orderId, sagaId, letterId);
    }

    private void paymentProviderFixed() {
        payments.outage(false);
        payments.releaseHangs();
        protectedPayments.circuitBreaker().reset();
    }
}
