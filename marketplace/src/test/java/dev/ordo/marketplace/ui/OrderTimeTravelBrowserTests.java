package dev.ordo.marketplace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operator's time travel on the order page. Fulfilment is off here, so that the operator takes each order
 * through its versions by hand and every version is known: placed, an item added, paid, shipped, delivered.
 */
class OrderTimeTravelBrowserTests extends BrowserTests {

    private static final String BUTTER = "Fresh Butter (250 g)";
    private static final String HONEY = "Wildflower Honey (500 g)";

    @DynamicPropertySource
    static void byHand(DynamicPropertyRegistry registry) {
        registry.add("marketplace.fulfilment.enabled", () -> "false");
    }

    private String orderId;

    @BeforeEach
    void anOrderTakenThroughFiveVersions() {
        signIn(page, "operator");
        orderId = PageApi.placeOrder(page, UUID.randomUUID().toString(), BUTTER, 2);
        PageApi.post(page, "/orders/" + orderId + "/items", Map.of("productId", PageApi.productId(HONEY), "quantity", 1));
        PageApi.post(page, "/orders/" + orderId + "/payment", Map.of("amount", 14.20,
                "currency", "EUR", "method", "CARD", "reference", "psp-time-travel"));
        PageApi.post(page, "/orders/" + orderId + "/shipment", Map.of("trackingNumber", "TRK-42", "carrier", "La Poste"));
        PageApi.post(page, "/orders/" + orderId + "/delivery", null);
    }

    @Test
    void theSliderShowsTheOrderAsItWasAtEachVersionAndWhatChangedFromTheOneBefore() {
        page.navigate("/ui/order.html?id=" + orderId);
        Locator slider = page.locator("#version-slider");
        assertThat(page.locator("#status")).hasText("DELIVERED");
        assertThat(slider).hasAttribute("max", "5");
        assertThat(slider).hasValue("5");
        assertThat(page.locator("#history tr[data-version]")).hasCount(5);

        slider.fill("1");

        Locator then = page.locator("#version-view");
        assertThat(then.locator(".status")).hasText("PENDING");
        assertThat(then.locator(".lines tbody tr")).hasCount(1);
        assertThat(then.locator(".lines .name")).hasText(BUTTER);
        assertThat(then.locator(".total")).hasText("€6.40");
        assertThat(then.locator(".payment")).hasCount(0);
        assertThat(page.locator("#diff-heading")).hasText("Version 1 is the order as it was placed");
        assertThat(page.locator("#history tr.selected")).hasAttribute("data-version", "1");

        slider.fill("2");

        assertThat(then.locator(".lines .name")).hasText(new String[] {BUTTER, HONEY});
        assertThat(then.locator(".status")).hasText("PENDING");
        Locator diff = page.locator("#version-diff");
        assertThat(diff.locator("tr.added[data-path='lines[" + HONEY + "].quantity'] .after")).hasText("1");
        assertThat(diff.locator("tr.changed[data-path='total.amount'] .before")).hasText("6.4");
        assertThat(diff.locator("tr.changed[data-path='total.amount'] .after")).hasText("14.2");
        assertThat(diff.locator("tr.removed")).hasCount(0);
        assertThat(page.locator("#version-diff tr.changed[data-path='status']")).hasCount(0);
        screenshot(page, "order-operator");

        slider.press("ArrowRight");

        assertThat(page.locator("#slider-label")).containsText("Version 3 of 5: order.paid");
        assertThat(then.locator(".status")).hasText("PAID");
        assertThat(diff.locator("tr.changed[data-path='status'] .before")).hasText("PENDING");
        assertThat(diff.locator("tr.changed[data-path='status'] .after")).hasText("PAID");
        assertThat(diff.locator("tr.added[data-path='payment.reference'] .after")).hasText("psp-time-travel");
    }

    @Test
    void aSecondChosenVersionIsComparedWithTheSelectedOne() {
        page.navigate("/ui/order.html?id=" + orderId);
        assertThat(page.locator("#version-slider")).hasValue("5");

        page.locator("#version-slider").fill("4");
        page.locator("#compare-with").selectOption("1");

        assertThat(page.locator("#diff-heading")).hasText("What changed from version 1 to version 4");
        Locator diff = page.locator("#version-diff");
        assertThat(diff.locator("tr.changed[data-path='status'] .before")).hasText("PENDING");
        assertThat(diff.locator("tr.changed[data-path='status'] .after")).hasText("SHIPPED");
        assertThat(diff.locator("tr.added[data-path='shipment.trackingNumber'] .after")).hasText("TRK-42");
        assertThat(diff.locator("tr.added[data-path='payment.method'] .after")).hasText("CARD");
        assertThat(diff.locator("tr.added[data-path^='lines[" + HONEY + "]']")).not().hasCount(0);
        assertThat(page.locator("#version-view .status")).hasText("SHIPPED");
        assertThat(page.locator("#status")).hasText("DELIVERED");
    }

    @Test
    void aCustomerSeesNeitherTheHistoryNorTheSlider() {
        String customerOrder;
        try (var alice = newContext()) {
            var hers = alice.newPage();
            signIn(hers, "alice");
            customerOrder = PageApi.placeOrder(hers, PageApi.customerId(hers), BUTTER, 1);

            hers.navigate("/ui/order.html?id=" + customerOrder);

            assertThat(hers.locator("#status")).hasText("PENDING");
            assertThat(hers.locator("#order-details .lines .name")).hasText(BUTTER);
            assertThat(hers.locator("#time-travel")).isHidden();
            assertThat(hers.locator("#history-box")).isHidden();
            assertThat(hers.locator("#cancel")).isVisible();
            assertThat(hers.getByText(Pattern.compile("the saga"))).hasCount(0);
        }
    }
}
