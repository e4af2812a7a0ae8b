package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordo.core.store.EventReader;
import java.nio.charset.StandardCharsets;
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

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "a\\u0000b", "\\ud800", "x\\udfff", "\\udfff\\ud800"})
    void refusesTextWithANulCharacterOrALoneSurrogateThatNoStoreCanKeep(String escaped) {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        long head = log.headPosition();

        Api.Response cancelled = api.post("/orders/" + id + "/cancellation", "{\"reason\": \"" + escaped + "\"}");
        Api.Response moved = api.put("/orders/" + id + "/shipping-address", "{\"street\": \"1 Rue " + escaped
                + "\", \"city\": \"Lyon\", \"postalCode\": \"69001\", \"country\": \"FR\"}");

        assertThat(invalidFields(cancelled)).containsExactly("reason");
        assertThat(invalidFields(moved)).containsExactly("street");
        assertThat(log.headPosition()).isEqualTo(head);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dead-letters?origin=subscription%3Aord%00ers", "/sagas?type=fulfil%00ment",
            "/analytics?currency=EU%00"})
    void refusesAQueryParameterWithANulCharacterBeforeItReachesTheDatabase(String path) {
        problem(api.get(path), 400);
    }

    @Test
    void acceptsTextInAnyScriptWithMarksAndEmoji() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();

        String rightToLeftWithEmojiAndAMark = "\u202e\u0634\u0627\u0631\u0639 \ud83c\udfe0 e\u0301";

        api.put("/orders/" + id + "/shipping-address", Map.of("street", rightToLeftWithEmojiAndAMark,
                "city", "\u200bLyon", "postalCode", "69001", "country", "FR")).expect(200);
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

        problem(api.sendBytes("POST", "/orders", null, "text/plain"), 415);
        problem(api.sendBytes("POST", "/orders", "<order/>".getBytes(StandardCharsets.UTF_8), "application/xml"),
                415);
        assertThat(log.headPosition()).isEqualTo(head);
    }

    @Test
    void answersAnAcceptHeaderItCannotSatisfyWithA406Problem() {
        problem(api.get("/catalog/products", "Accept", "application/xml"), 406);
        problem(api.get("/orders/not-a-uuid", "Accept", "text/csv"), 400);
    }

    @Test
    void refusesACommandWhoseAcceptHeaderRulesOutEveryAnswerBeforeItTakesEffect() {
        String id = placed(newId(), item(available(0), 1)).get("orderId").asString();
        long head = log.headPosition();

        problem(changeAddress(id, address("2 Rue Neuve"), "Accept", "application/xml"), 406);
        problem(changeAddress(id, address("3 Rue Neuve"), "Accept", "\"-1\""), 400);
        problem(cancel(id, "changed my mind", "Accept", "W/\"1\""), 400);

        assertThat(log.headPosition()).isEqualTo(head);
        assertThat(events(id)).hasSize(1);
    }

    @Test
    void answersWithAProblemWhateverTheAcceptHeaderSays() {
        problem(api.get("/orders/01a20000-0000-7000-8000-000000000000", "Accept", "text/csv"), 404);
        problem(api.get("/sagas/01a20000-0000-7000-8000-000000000000", "Accept", "1"), 400);
    }

    @Test
    void answersABodyThatIsNotTheMultipartItsContentTypeAnnouncesWithAProblem() {
        problem(api.sendBytes("GET", "/catalog/products", "{}".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data"), 400);
        problem(api.sendBytes("POST", "/catalog/products", "{}".getBytes(StandardCharsets.UTF_8),
                "multipart/form-data; boundary=x"), 415);
    }

    @Test
    void answersAnEncodedSlashInAPathSegmentWithA400Problem() {
        problem(api.get("/payments/..%2F.."), 400);
        problem(api.get("/orders/a%2Fb/events"), 400);
    }

    @Test
    void answersARequestTheContainerRefusesBeforeTheApplicationSeesItWithAProblem() {
        problem(api.get("/catalog/products", "X-Padding", "x".repeat(20_000)), 400);
    }

    @Test
    void answersAFormBodyOnAPutWithAProblem() {
        Api.Response response = api.sendBytes("PUT", "/catalog/products/" + available(0).id() + "/availability",
                "available&x=%00".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");

        assertThat(response.status()).isIn(400, 415);
        problem(response, response.status());
    }

    @Test
    void answersMalformedJsonAndAWrongTopLevelTypeWithA400Problem() {
        for (String body : List.of("{", "[]", "\"order\"", "null", "{\"customerId\": 1e999999999}", "{}}")) {
            problem(api.post("/orders", body), 400);
        }
    }
}
