package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.store.EventReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Numbers and requests a client should never be able to hurt the server with: amounts with absurd exponents or too
 * many digits, page numbers at the edge of an int, unknown paths, wrong methods and content types, and failures
 * nobody expected. Every answer is an RFC 9457 problem; a 5xx names a correlation id and nothing internal.
 */
abstract class BadInputContract extends MarketplaceApiTests {

    @Autowired
    EventReader log;

    /** Asserts a 5xx problem that names the request's correlation id and nothing of the failure's internals. */
    static JsonNode internalProblem(Api.Response response, int status) {
        JsonNode problem = problem(response, status);
        assertThat(problem.get("correlationId").asString()).isEqualTo(response.header("X-Correlation-Id"));
        assertThat(problem.get("detail").asString()).contains(response.header("X-Correlation-Id"));
        assertThat(response.body()).doesNotContain("SELECT", "hunter2", "Exception", "Error:", "dev.ordo", "\tat ",
                "trace");
        return problem;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1E+99999999", "-1e999999999", "1e-999999", "123456789012345678901",
            "0.0000001", "9223372036854775808"})
    void refusesAPaymentAmountBeyondItsDigitsBeforeAnythingExpandsIt(String amount) {
        JsonNode order = placed(newId(), item(available(0), 1));
        String id = order.get("orderId").asString();
        long head = log.headPosition();

        Api.Response response = api.post("/orders/" + id + "/payment", "{\"amount\": " + amount
                + ", \"currency\": \"EUR\", \"method\": \"CARD\", \"reference\": \"r-1\"}");

        assertThat(invalidFields(response)).containsOnly("amount");
        assertThat(log.headPosition()).isEqualTo(head);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1E+99999999", "1e-999999", "12345678901.00", "0.00001", "-1"})
    void refusesAPriceBeyondItsDigitsOnRegistrationAndChange(String price) {
        Product product = available(0);
        long head = log.headPosition();

        Api.Response changed = api.put("/catalog/products/" + product.id() + "/price", "{\"price\": " + price
                + ", \"currency\": \"EUR\"}");
        Api.Response registered = api.post("/catalog/products", "{\"producerId\": \"" + newId() + "\", "
                + "\"producerName\": \"Ferme\", \"name\": \"Miel\", \"price\": " + price
                + ", \"currency\": \"EUR\", \"available\": true}");

        assertThat(invalidFields(changed)).containsOnly("price");
        assertThat(invalidFields(registered)).containsOnly("price");
        assertThat(log.headPosition()).isEqualTo(head);
    }

    @Test
    void acceptsTheLargestPriceAndAnAmountOfTheCurrencysOwnDigits() {
        Product product = available(1);

        api.put("/catalog/products/" + product.id() + "/price", Map.of("price", "999999999.99", "currency", "EUR"))
                .expect(200);
        api.put("/catalog/products/" + product.id() + "/price", Map.of("price", product.price(), "currency", "EUR"))
                .expect(200);
    }

    @Test
    void answersAPageFarBeyondTheLastDeadLetterWithAnEmptyPage() {
        Api.Response response = api.get("/dead-letters?page=2147483647&size=1000");

        assertThat(response.expect(200).json().size()).isZero();
    }

    @Test
    void answersAPageFarBeyondTheLastOrderWithAnEmptyPage() {
        JsonNode page = api.get("/orders?page=2147483647&size=100").expect(200).json();

        assertThat(page.get("items").size()).isZero();
        assertThat(page.get("page").asInt()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dead-letters?page=-1", "/dead-letters?page=2147483648", "/dead-letters?size=0",
            "/dead-letters?size=1001", "/dead-letters?size=-2147483648", "/dead-letters?page=1e3",
            "/orders?page=-1", "/orders?size=101", "/orders?page=99999999999999999999", "/orders?size=NaN",
            "/sagas?limit=0", "/sagas?limit=2147483648", "/customers/" + "01a20000-0000-7000-8000-000000000000"
            + "/notifications?limit=501", "/analytics?top=0", "/analytics?top=2147483647", "/analytics?from=2026-13-45",
            "/orders/01a20000-0000-7000-8000-000000000000?version=0",
            "/orders/01a20000-0000-7000-8000-000000000000?version=9223372036854775808"})
    void refusesAPagingNumberOutOfItsRangeWith400(String path) {
        problem(api.get(path), 400);
    }

    @Test
    void answersAnUnexpectedExceptionWithA500ProblemThatNamesOnlyTheCorrelationId() {
        JsonNode problem = internalProblem(api.get("/test-failures/exception"), 500);

        assertThat(problem.get("type").asString()).endsWith("/internal-error");
    }

    @Test
    void answersAnErrorThrownByAHandlerWithA500Problem() {
        internalProblem(api.get("/test-failures/error"), 500);
        api.get("/catalog/products").expect(200);
    }

    @Test
    void answersAFailureOutsideSpringMvcWithA500ProblemToo() {
        internalProblem(api.get("/test-failures/filter"), 500);
    }

    @Test
    void answersAnUnknownPathWithA404Problem() {
        problem(api.get("/no-such-thing"), 404);
        problem(api.post("/orders/01a20000-0000-7000-8000-000000000000/teleportation", Map.of()), 404);
    }

    @Test
    void answersAMethodTheResourceDoesNotHaveWithA405Problem() {
        Api.Response response = api.delete("/catalog/products");

        problem(response, 405);
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void answersABodyOfAnUnsupportedContentTypeWithA415Problem() {
        long head = log.headPosition();

        problem(api.send("POST", "/orders", null, "Content-Type", "text/plain"), 415);
        Api.Response xml = api.send("POST", "/orders", "<order/>", "Content-Type", "application/xml");

        assertThat(xml.status()).isIn(400, 415);
        problem(xml, xml.status());
        assertThat(log.headPosition()).isEqualTo(head);
    }

    @Test
    void answersAnAcceptHeaderItCannotSatisfyWithA406Problem() {
        problem(api.get("/catalog/products", "Accept", "application/xml"), 406);
        problem(api.get("/orders/not-a-uuid", "Accept", "text/csv"), 400);
    }

    @Test
    void answersMalformedJsonAndAWrongTopLevelTypeWithA400Problem() {
        for (String body : List.of("{", "[]", "\"order\"", "null", "{\"customerId\": 1e999999999}", "{}}")) {
            problem(api.post("/orders", body), 400);
        }
    }
}
