package dev.ordo.marketplace.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's console in a browser: the live orders board, the system page (projections, circuit breakers,
 * health), the analytics for operators and producers, and the notice a customer gets instead of any of it.
 */
class OperatorConsoleBrowserTests extends BrowserTests {

    /** Fulfilment runs each order to SHIPPED through several steps; the board must follow it to the end. */
    private static final LocatorAssertions.HasTextOptions FULFILMENT = new LocatorAssertions.HasTextOptions()
            .setTimeout(DemoApi.PATIENCE.toMillis());

    private DemoApi api;

    @BeforeEach
    void connectToTheApi() {
        api = new DemoApi(url(""));
    }

    @Test
    void theBoardShowsANewOrderAndItsStatusChangesAsTheyHappenWithoutAReload() {
        signIn(page, "operator");
        assertThat(page).hasURL(url("/ui/board.html"));
        assertThat(page.locator("#live-state")).hasText("live");
        page.evaluate("window.boardNeverReloaded = true");

        String id = api.placeAsAlice(api.plentiful(null).getFirst().get("productId").asString(), 2);

        Locator row = page.locator("tr[data-order-id='" + id + "']");
        assertThat(row).isVisible();
        assertThat(row.locator("a[href='/ui/order.html?id=" + id + "']")).isVisible();
        assertThat(row.locator(".status")).hasText("SHIPPED", FULFILMENT);
        assertThat(row).hasClass(Pattern.compile("\\bflash\\b"));
        assertThat(row.locator("[title='" + DemoApi.ALICE + "']")).isVisible();
        assertThat(page.locator("#orders tbody tr").first()).hasAttribute("data-order-id", id);
        assertThat(page.evaluate("window.boardNeverReloaded === true")).isEqualTo(true);
        screenshot(page, "board");
    }

    @Test
    void aCustomerOpeningOperatorPagesSeesTheNotForYourRoleNoticeAndNoData() {
        signIn(page, "alice");

        for (String operatorPage : List.of("board", "dead-letters", "sagas", "system")) {
            page.navigate("/ui/" + operatorPage + ".html");

            assertThat(page.locator("#not-allowed")).containsText("not for your role");
            assertThat(page.locator("table")).hasCount(0);
            assertThat(page.locator("header#top nav")).hasCount(0);
        }
    }

    @Test
    void theSystemPageListsTheProjectionsWithTheirLagAndARebuildRunsToItsEnd() {
        signIn(page, "operator");
        page.navigate("/ui/system.html");

        Locator orders = page.locator("tr[data-projection='orders']");
        assertThat(orders.locator(".lag")).hasText(Pattern.compile("^\\d+$"));
        assertThat(page.locator("tr[data-projection]")).hasCount(5);
        assertThat(page.locator("tr[data-breaker='payments'] .status")).hasText("CLOSED");
        assertThat(page.locator("#health-status")).hasText(Pattern.compile("^(UP|DEGRADED)$"));
        assertThat(page.locator("tr[data-component='ordo'] .status")).hasText(Pattern.compile("^(UP|DEGRADED)$"));

        orders.locator("button[data-rebuild='orders']").click();

        assertThat(page.locator("#messages .info")).containsText("orders rebuilt");
        assertThat(orders.locator(".rebuild-state")).containsText("rebuilt");
        assertThat(orders.locator("button[data-rebuild='orders']")).isEnabled();
        screenshot(page, "system");
    }

    @Test
    void analyticsShowsTheRevenueChartAndTheFiguresOfRecentOrders() {
        List<String> ids = api.plentiful(null).stream().limit(3)
                .map(product -> api.placeAsAlice(product.get("productId").asString(), 1)).toList();
        ids.forEach(id -> api.awaitOrder(id, "SHIPPED"));
        signIn(page, "operator");
        page.navigate("/ui/analytics.html");

        assertThat(page.locator("#revenue-chart canvas")).hasCount(1);
        assertThat(page.locator("#paid-orders")).hasText(Pattern.compile("^([3-9]|\\d{2,})$"));
        assertThat(page.locator("#revenue")).containsText("€");
        assertThat(page.locator("#completion-rate")).hasText(Pattern.compile("^\\d+\\.\\d %$"));
        assertThat(page.locator("#top-products tbody tr").first()).containsText("€");
        assertThat(page.locator("#top-producers tbody tr").first()).containsText("€");
        assertThat(page.locator("#to")).hasValue(Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$"));
        screenshot(page, "analytics");
    }

    @Test
    void aProducerSeesTheSalesOfTheirOwnProductsOnly() {
        String id = api.placeAsAlice(api.plentiful(DemoApi.ALPENHOF).getFirst().get("productId").asString(), 2);
        api.awaitOrder(id, "SHIPPED");
        String another = api.placeAsAlice(api.plentiful(null).stream()
                .filter(p -> !p.get("producerId").asString().equals(DemoApi.ALPENHOF)).findFirst().orElseThrow()
                .get("productId").asString(), 1);
        api.awaitOrder(another, "SHIPPED");

        signIn(page, "alpenhof");

        assertThat(page).hasURL(Pattern.compile("/ui/analytics\\.html"));
        assertThat(page.locator("#title")).hasText("Sales of your products");
        assertThat(page.locator("header#top a[data-page='analytics']")).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(page.locator("#revenue-chart canvas")).hasCount(1);
        assertThat(page.locator("#top-producers tbody tr")).hasCount(1);
        assertThat(page.locator("#top-producers tbody tr")).containsText("Alpenhof Dairy");
        assertThat(page.locator("#paid-orders")).not().hasText("0");
    }
}
