package dev.ordo.marketplace.ui;

import com.microsoft.playwright.Page;
import dev.ordo.marketplace.catalog.DemoCatalog;
import dev.ordo.marketplace.catalog.RegisterProduct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST API called from inside a page, as the user signed in there: through the page's own {@code api()} of
 * {@code ordo.js}, so requests carry that user's token as the pages' do. For what a test sets up or checks beside
 * what it does through the UI (an order placed "in another tab", an operator's delivery). Commands get a fresh
 * {@code Idempotency-Key}. A refusal fails the call with a {@link com.microsoft.playwright.PlaywrightException}
 * naming the problem.
 */
final class PageApi {

    private static final String CALL = """
            async ([method, path, body]) => {
                const {api} = await import('/ui/js/ordo.js');
                const {newKey} = await import('/ui/js/placement.js');
                return api(path, {method, body: body === null ? undefined : body,
                    headers: method === 'GET' ? {} : {'Idempotency-Key': newKey()}});
            }""";

    private PageApi() {
    }

    /** GETs the path; the answer as Playwright gives JSON back (maps, lists, strings, numbers). */
    static Object get(Page page, String path) {
        return page.evaluate(CALL, Arrays.asList("GET", path, null));
    }

    /** POSTs the body (maps and lists as JSON, or null for none) to the path. */
    static Object post(Page page, String path, Object body) {
        return page.evaluate(CALL, Arrays.asList("POST", path, body));
    }

    /** The customer id in the token of the user signed in on the page. */
    static String customerId(Page page) {
        return (String) page.evaluate("async () => (await import('/ui/js/ordo.js')).user().customerId");
    }

    /**
     * Places an order of the demo products named (name, quantity, name, quantity, ...) for the customer, to the
     * address every test uses, and returns its id.
     */
    static String placeOrder(Page page, String customerId, Object... namesAndQuantities) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < namesAndQuantities.length; i += 2) {
            items.add(Map.of("productId", productId((String) namesAndQuantities[i]),
                    "quantity", namesAndQuantities[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("items", items);
        body.put("shippingAddress", Map.of("street", "Rue du Lac 4", "city", "Lausanne", "postalCode", "1003",
                "country", "CH"));
        return (String) ((Map<?, ?>) post(page, "/orders", body)).get("orderId");
    }

    /** The status of the order as the API answers now. */
    static String status(Page page, String orderId) {
        return (String) ((Map<?, ?>) get(page, "/orders/" + orderId)).get("status");
    }

    /** The id of the demo catalog's product with this name. */
    static String productId(String name) {
        return DemoCatalog.products().stream().filter(p -> p.name().equals(name)).findFirst()
                .map(RegisterProduct::productId).orElseThrow(() -> new IllegalArgumentException("no demo product " + name))
                .toString();
    }
}
