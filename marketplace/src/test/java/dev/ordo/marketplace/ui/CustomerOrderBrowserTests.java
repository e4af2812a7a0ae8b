package dev.ordo.marketplace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer's pages with the fulfilment running: the shop, my orders, the order page and the notification badge,
 * all following the live streams. The payment provider is the application's fake, slowed or made to decline where a
 * test needs it to, and put back after each test.
 */
class CustomerOrderBrowserTests extends BrowserTests {

    private static final String BUTTER = "Fresh Butter (250 g)";
    private static final String HONEY = "Wildflower Honey (500 g)";
    private static final String YOGURT = "Natural Yogurt (500 g)";
    private static final String BOARD = "Oak Cutting Board";
    /** Long enough for a page to show the order before it is paid, shorter than the provider's call time-out. */
    private static final Duration SLOW_PAYMENT = Duration.ofMillis(1500);
    private static final LocatorAssertions.HasTextOptions FULFILLED = new LocatorAssertions.HasTextOptions()
            .setTimeout(15_000);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    FakePaymentProvider payments;

    private FakePaymentSettings usual;

    @BeforeEach
    void rememberThePaymentSettings() {
        usual = payments.settings();
    }

    @AfterEach
    void restoreThePaymentSettings() {
        payments.configure(usual);
    }

    @Test
    void aCustomerFillsTheCartPlacesTheOrderAndSeesItShippedWithoutAReload() {
        payments.configure(usual.withLatency(SLOW_PAYMENT));
        signIn(page, "alice");
        assertThat(page).hasURL(url("/ui/shop.html"));

        product(BUTTER).locator("button.add").click();
        product(HONEY).locator("button.add").click();
        product(YOGURT).locator("button.add").click();
        cartLine(YOGURT).locator("button.remove").click();
        cartLine(BUTTER).locator("input.quantity").fill("2");
        cartLine(BUTTER).locator("input.quantity").press("Tab");

        assertThat(page.locator("#cart-lines tr")).hasCount(2);
        assertThat(cartLine(BUTTER).locator(".subtotal")).hasText("€6.40");
        assertThat(cartLine(HONEY).locator(".stock")).hasText("in stock");
        assertThat(page.locator("#cart-total")).hasText("€14.20");
        fillTheAddress(page);
        screenshot(page, "shop");

        page.click("#place-order");

        page.waitForURL(address -> address.contains("/ui/order.html?id="));
        page.evaluate("window.__marker = 1");
        assertThat(page.locator("#order-details .lines .name")).hasText(new String[] {BUTTER, HONEY});
        assertThat(page.locator("#order-details .total")).hasText("€14.20");
        assertThat(page.locator("#order-details .address")).containsText("Rue du Lac 4, 1003 Lausanne, CH");
        assertThat(page.locator("#status")).hasText("SHIPPED", FULFILLED);
        assertThat(page.locator("#order-details .payment")).containsText("€14.20 by CARD");
        assertThat(page.locator("#order-details .shipment")).containsText("tracking");
        assertThat(page.locator("#cancel-box")).isHidden();
        for (String context : List.of("order", "saga", "stock", "payment", "shipment", "notification")) {
            assertThat(page.locator("#timeline tr[data-context='" + context + "']").first()).isVisible();
        }
        assertThat(page.locator("#timeline a.saga-link")).hasCount(0);
        assertThat(page.locator("#fulfilment .status")).hasText("COMPLETED");
        assertThat(page.evaluate("window.__marker")).as("the page was not reloaded").isEqualTo(1);
        assertThat(page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('ordo.cart.'))"))
                .as("the cart was emptied").isEqualTo(List.of());
        screenshot(page, "order-customer");
    }

    @Test
    void theCartSaysWhatStockIsShortAndAPlacementTheApiRefusesNamesTheFields() {
        signIn(page, "alice");
        product(BOARD).locator("button.add").click();
        cartLine(BOARD).locator("input.quantity").fill("5");
        cartLine(BOARD).locator("input.quantity").press("Tab");

        assertThat(cartLine(BOARD).locator(".stock")).hasText("3 available");
        assertThat(page.locator("#stock-note")).isVisible();

        page.fill("#street", "Rue du Lac 4");
        page.click("#place-order");

        assertThat(page.locator("#messages .problem")).containsText("shippingAddress.city");
        assertThat(page.locator("#city")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#street")).hasAttribute("aria-invalid", "false");
        assertThat(page).hasURL(url("/ui/shop.html"));
        assertThat(page.locator("#place-order")).isEnabled();
    }

    @Test
    void anOperatorSeesTheHistoryOfAFulfilledOrderAndTheTimelineLinksToItsSaga() {
        signIn(page, "alice");
        String orderId = PageApi.placeOrder(page, PageApi.customerId(page), HONEY, 1);
        await().atMost(PATIENCE).until(() -> PageApi.status(page, orderId), "SHIPPED"::equals);

        try (BrowserContext operators = newContext()) {
            Page operator = operators.newPage();
            signIn(operator, "operator");
            String sagaId = (String) ((Map<?, ?>) PageApi.get(operator, "/orders/" + orderId + "/fulfilment"))
                    .get("sagaId");
            operator.navigate("/ui/order.html?id=" + orderId);

            assertThat(operator.locator("#history tr[data-version] td:nth-child(3)"))
                    .hasText(new String[] {"order.placed", "order.paid", "order.shipped"});
            assertThat(operator.locator("#version-slider")).hasAttribute("max", "3");
            assertThat(operator.locator("#timeline a.saga-link").first())
                    .hasAttribute("href", "/ui/saga.html?id=" + sagaId);
            assertThat(operator.locator("#fulfilment a")).hasAttribute("href", "/ui/saga.html?id=" + sagaId);
        }
    }

    @Test
    void myOrdersShowsAnOrderPlacedInAnotherTabAndItsStatusChangingLive() {
        signIn(page, "alice");
        page.navigate("/ui/orders.html");
        assertThat(page.locator("#orders")).hasAttribute("data-live", "ready");
        page.evaluate("window.__marker = 1");

        String orderId;
        try (Page otherTab = context.newPage()) {
            signIn(otherTab, "alice");
            orderId = PageApi.placeOrder(otherTab, PageApi.customerId(otherTab), HONEY, 2);
        }

        Locator row = page.locator("tr[data-order-id='" + orderId + "']");
        assertThat(row.locator(".status")).hasText("SHIPPED", FULFILLED);
        assertThat(row).hasAttribute("data-version", "3");
        assertThat(row.locator(".total")).hasText("€15.60");
        assertThat(row.locator(".items")).hasText("2");
        assertThat(row.locator("a")).hasAttribute("href", "/ui/order.html?id=" + orderId);
        assertThat(page.evaluate("window.__marker")).as("the page was not reloaded").isEqualTo(1);
        screenshot(page, "my-orders");
    }

    @Test
    void aDeclinedPaymentShowsTheOrderCancelledWithTheReason() {
        payments.configure(usual.withDeclineRate(1));
        signIn(page, "alice");
        String orderId = PageApi.placeOrder(page, PageApi.customerId(page), BUTTER, 1);

        page.navigate("/ui/order.html?id=" + orderId);

        assertThat(page.locator("#status")).hasText("CANCELLED", FULFILLED);
        assertThat(page.locator("#order-details .cancellation .reason")).containsText("payment declined");
        assertThat(page.locator("#cancel-box")).isHidden();
        assertThat(page.locator("#order-details .payment")).hasCount(0);
    }

    @Test
    void aCustomerCancelsHerOrderWhileItWaitsForPayment() {
        payments.configure(usual.withLatency(SLOW_PAYMENT));
        signIn(page, "alice");
        String orderId = PageApi.placeOrder(page, PageApi.customerId(page), YOGURT, 1);
        page.navigate("/ui/order.html?id=" + orderId);
        assertThat(page.locator("#status")).hasText("PENDING");

        page.fill("#cancel-reason", "ordered the wrong size");
        page.click("#cancel");

        assertThat(page.locator("#status")).hasText("CANCELLED");
        assertThat(page.locator("#order-details .cancellation .reason")).hasText("ordered the wrong size");
        assertThat(page.locator("#cancel-box")).isHidden();
    }

    @Test
    void aCancellationTheApiRefusesShowsItsProblemAndTheOrderAsItIsNow() {
        payments.configure(usual.withLatency(SLOW_PAYMENT));
        signIn(page, "alice");
        String orderId = PageApi.placeOrder(page, PageApi.customerId(page), BUTTER, 1);
        page.navigate("/ui/order.html?id=" + orderId);
        assertThat(page.locator("#order")).hasAttribute("data-live", "ready");
        assertThat(page.locator("#status")).hasText("PENDING");
        page.evaluate("window.ordoLive.orders.disconnect()");
        await().atMost(PATIENCE).until(() -> PageApi.status(page, orderId), "SHIPPED"::equals);
        try (BrowserContext operators = newContext()) {
            Page operator = operators.newPage();
            signIn(operator, "operator");
            PageApi.post(operator, "/orders/" + orderId + "/delivery", null);
        }

        page.click("#cancel");

        assertThat(page.locator("#messages .problem")).containsText("cancel-not-after-delivery");
        assertThat(page.locator("#status")).hasText("DELIVERED");
        assertThat(page.locator("#cancel-box")).isHidden();
    }

    @Test
    void anotherCustomerFindsNoSuchOrderAndNothingOfIt() {
        signIn(page, "alice");
        String orderId = PageApi.placeOrder(page, PageApi.customerId(page), HONEY, 1);

        try (BrowserContext bobs = newContext()) {
            Page bob = bobs.newPage();
            signIn(bob, "bob");
            bob.navigate("/ui/order.html?id=" + orderId);

            assertThat(bob.locator("#messages .problem")).containsText("no such order");
            assertThat(bob.locator("#order")).isHidden();
            assertThat(bob.locator("#order-details")).isEmpty();
            assertThat(bob.locator("#timeline")).not().containsText("order.placed");
            assertThat(bob.locator("body")).not().containsText(HONEY);
        }
    }

    @Test
    void theNotificationBadgeCountsLiveAndCatchesUpOnWhatWasSentWhileDisconnected() {
        signIn(page, "alice");
        page.navigate("/ui/orders.html");
        String customerId = PageApi.customerId(page);
        page.waitForFunction("() => window.ordoLive.notifications.lastId() !== null");
        int before = await().atMost(PATIENCE).until(this::badge, count -> count == notificationsOf(customerId, null));
        page.evaluate("window.__marker = 1");

        String first = PageApi.placeOrder(page, customerId, BUTTER, 1);

        assertThat(notificationsAbout(first).first()).isAttached(new LocatorAssertions.IsAttachedOptions()
                .setTimeout(15_000));
        assertThat(badge()).isGreaterThan(before).isEqualTo(unread());
        assertThat(page.evaluate("window.__marker")).as("the page was not reloaded").isEqualTo(1);

        page.evaluate("window.ordoLive.notifications.disconnect()");
        String second = PageApi.placeOrder(page, customerId, BUTTER, 1);
        await().atMost(PATIENCE).until(() -> notificationsOf(customerId, second) == 4);
        assertThat(notificationsAbout(second)).hasCount(0);
        page.evaluate("window.ordoLive.notifications.reconnect()");

        assertThat(notificationsAbout(second)).hasCount(4);
        assertThat(badge()).as("every notification the customer has, none of them opened")
                .isEqualTo((int) notificationsOf(customerId, null)).isEqualTo(unread());
        assertThat(page.evaluate("window.__marker")).as("the page was not reloaded").isEqualTo(1);
    }

    private Locator product(String name) {
        return page.locator("article.product[data-product-id='" + PageApi.productId(name) + "']");
    }

    private Locator cartLine(String name) {
        return page.locator("#cart-lines tr[data-product-id='" + PageApi.productId(name) + "']");
    }

    private static void fillTheAddress(Page on) {
        on.fill("#street", "Rue du Lac 4");
        on.fill("#city", "Lausanne");
        on.fill("#postalCode", "1003");
        on.fill("#country", "CH");
    }

    private int badge() {
        return Integer.parseInt(page.locator("#notification-count").textContent());
    }

    private int unread() {
        return page.locator("#notification-list li.unread").count();
    }

    private Locator notificationsAbout(String orderId) {
        return page.locator("#notification-list a[href='/ui/order.html?id=" + orderId + "']");
    }

    /** How many notifications the API has for the customer (about the order, or all when it is null). */
    private long notificationsOf(String customerId, String orderId) {
        List<?> all = (List<?>) PageApi.get(page, "/customers/" + customerId + "/notifications?limit=500");
        return all.stream().map(n -> ((Map<?, ?>) n).get("orderId"))
                .filter(id -> orderId == null || orderId.equals(id)).count();
    }
}
