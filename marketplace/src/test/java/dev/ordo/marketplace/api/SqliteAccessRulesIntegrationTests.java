package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what, over HTTP with tokens of the development issuer's demo users: the customers {@code alice} and
 * {@code bob}, the producer {@code alpenhof} (Alpenhof Dairy of the demo catalog), the {@code operator}, and no token
 * at all. Another customer's order is a 404, exactly like an order that does not exist.
 */
class SqliteAccessRulesIntegrationTests extends MarketplaceApiTests {

    static final String ALICE = "6f1c3e7a-2b1d-4c5e-9f00-000000000001";
    static final String BOB = "6f1c3e7a-2b1d-4c5e-9f00-000000000002";
    static final String ALPENHOF = "c25eae35-605a-3bb2-ad2f-9f193152b667";

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStores.sqlite(registry, () -> folder);
        registry.add("marketplace.security.allowed-origins", () -> "https://shop.example");
    }

    @Test
    void answersCarrySecurityHeadersAndOnlyTheUisOriginPassesCors() {
        Api.Response answer = api.get("/orders");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("Cache-Control")).contains("no-store");

        Api.Response allowed = api.anonymous().send("OPTIONS", "/orders", null, "Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        Api.Response refused = api.anonymous().send("OPTIONS", "/orders", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void withoutATokenOnlyTheCatalogTheQuoteHealthAndTheApiDocumentsAnswer() {
        Api anonymous = api.anonymous();
        Product product = available(0);
        anonymous.get("/catalog/products").expect(200);
        anonymous.get("/catalog/products/" + product.id()).expect(200);
        anonymous.post("/orders/quote", Map.of("items", List.of(Map.of("productId", product.id(), "quantity", 1))))
                .expect(200);
        anonymous.get("/actuator/health").expect(200);
        JsonNode schemes = anonymous.get("/v3/api-docs").expect(200).json().at("/components/securitySchemes");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/dev-issuer/flows/clientCredentials/tokenUrl").asString()).isEqualTo("/oauth2/token");

        for (Api.Response refused : List.of(
                anonymous.post("/orders", placement(ALICE, item(product, 1))),
                anonymous.get("/orders"),
                anonymous.get("/orders/" + newId()),
                anonymous.post("/orders/" + newId() + "/cancellation", Map.of("reason", "none")),
                anonymous.put("/catalog/products/" + product.id() + "/price", Map.of("price", 1, "currency", "EUR")),
                anonymous.post("/inventory/" + product.id() + "/deliveries", Map.of("quantity", 5)),
                anonymous.get("/dead-letters"),
                anonymous.get("/sagas"),
                anonymous.get("/analytics"),
                anonymous.get("/customers/" + ALICE + "/notifications"))) {
            JsonNode problem = problem(refused, 401);
            assertThat(problem.get("type").asString()).endsWith("/unauthenticated");
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void everyOperationOfTheApiDocumentButThePublicReadsRefusesARequestWithoutAToken() {
        JsonNode paths = api.get("/v3/api-docs").expect(200).json().get("paths");
        List<String> checked = new java.util.ArrayList<>();
        for (var path : paths.properties()) {
            String target = path.getKey().replaceAll("\\{[^}]+}", newId());
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                boolean isPublic = method.equals("GET")
                        && (target.startsWith("/catalog/") || target.equals("/sign-in"))
                        || method.equals("POST") && target.equals("/orders/quote");
                Api.Response response = api.anonymous().send(method, target,
                        method.equals("GET") || method.equals("DELETE") ? null : "{}");
                if (isPublic) {
                    assertThat(response.status()).as("%s %s", method, target).isNotEqualTo(401);
                } else {
                    assertThat(response.status()).as("%s %s without a token", method, target).isEqualTo(401);
                }
                checked.add(method + " " + path.getKey());
            }
        }
        assertThat(checked).as("the operations checked").hasSizeGreaterThan(25)
                .contains("POST /orders", "POST /dead-letters/{id}/redrive", "PUT /catalog/products/{productId}/price");
    }

    @Test
    void aCustomerActsOnTheirOwnOrdersAndAnotherCustomersOrderDoesNotExistForThem() {
        Api alice = api.as("alice");
        Api bob = api.as("bob");
        Product product = available(1);
        JsonNode order = alice.post("/orders", placement(ALICE, item(product, 1))).expect(201).json();
        String id = order.get("orderId").asString();
        awaitOrder(id, 1);

        alice.get("/orders/" + id).expect(200);
        alice.get("/orders/" + id + "/events").expect(200);
        alice.post("/orders/" + id + "/items", Map.of("productId", product.id(), "quantity", 1)).expect(200);
        awaitOrder(id, 2);
        assertThat(alice.get("/orders").expect(200).json().get("items").valueStream()
                .map(o -> o.get("customerId").asString())).containsOnly(ALICE);

        orderNotFound(bob.get("/orders/" + id));
        orderNotFound(bob.get("/orders/" + id + "?version=1"));
        orderNotFound(bob.get("/orders/" + id + "/events"));
        orderNotFound(bob.get("/orders/" + id + "/timeline"));
        alice.get("/orders/" + id + "/timeline").expect(200);
        orderNotFound(bob.post("/orders/" + id + "/items", Map.of("productId", product.id(), "quantity", 1)));
        orderNotFound(bob.post("/orders/" + id + "/cancellation", Map.of("reason", "not mine")));
        orderNotFound(bob.put("/orders/" + id + "/shipping-address", address("Elsewhere 1")));
        assertThat(bob.get("/orders").expect(200).json().get("items").valueStream()
                .map(o -> o.get("orderId").asString())).doesNotContain(id);
        forbidden(bob.get("/orders?customerId=" + ALICE));
        forbidden(bob.post("/orders", placement(ALICE, item(product, 1))));
        forbidden(bob.get("/customers/" + ALICE + "/notifications"));
        bob.get("/customers/" + BOB + "/notifications").expect(200);

        api.get("/orders/" + id).expect(200);
        assertThat(api.get("/orders/" + id + "/events").expect(200).json().get(0).get("metadata").get("actor")
                .asString()).as("the actor of alice's placement").isEqualTo("alice");
    }

    @Test
    void aCustomerMayNotShipDeliverRestockOrOperateAndMayNotReadOperationsData() {
        Api alice = api.as("alice");
        Product product = available(2);
        String id = alice.post("/orders", placement(ALICE, item(product, 1))).expect(201).json().get("orderId")
                .asString();

        for (Api.Response refused : List.of(
                alice.post("/orders/" + id + "/shipment", Map.of("trackingNumber", "T", "carrier", "C")),
                alice.post("/orders/" + id + "/delivery", null),
                alice.post("/orders/" + id + "/fulfilment/cancel", Map.of("reason", "r")),
                alice.post("/inventory/" + product.id() + "/deliveries", Map.of("quantity", 5)),
                alice.get("/inventory/" + product.id()),
                alice.get("/dead-letters"),
                alice.get("/sagas"),
                alice.get("/analytics"),
                alice.get("/payments/" + id),
                alice.get("/actuator/metrics"),
                alice.put("/catalog/products/" + product.id() + "/price", Map.of("price", 1, "currency", "EUR")))) {
            forbidden(refused);
        }
    }

    @Test
    void aProducerManagesOnlyTheirOwnProductsAndPlacesNoOrders() {
        Api alpenhof = api.as("alpenhof");
        Product own = products.stream().filter(p -> p.producerId().equals(ALPENHOF)).findFirst().orElseThrow();
        Product other = products.stream().filter(p -> !p.producerId().equals(ALPENHOF)).findFirst().orElseThrow();

        alpenhof.put("/catalog/products/" + own.id() + "/availability", Map.of("available", own.available()))
                .expect(200);
        forbidden(alpenhof.put("/catalog/products/" + other.id() + "/availability", Map.of("available", true)));
        alpenhof.post("/catalog/products", registration(ALPENHOF)).expect(201);
        forbidden(alpenhof.post("/catalog/products", registration(other.producerId())));
        alpenhof.get("/inventory/" + own.id()).expect(200);
        assertThat(alpenhof.get("/analytics").expect(200).json().get("topProducers").valueStream()
                .map(p -> p.get("producerId").asString())).allMatch(ALPENHOF::equals);
        forbidden(alpenhof.get("/analytics?producerId=" + other.producerId()));
        forbidden(alpenhof.post("/inventory/" + own.id() + "/deliveries", Map.of("quantity", 5)));
        forbidden(alpenhof.post("/orders", placement(ALICE, item(own, 1))));
        forbidden(alpenhof.get("/dead-letters"));
    }

    @Test
    void theOperatorSeesEverythingAndAloneRestocksAndOperates() {
        Product product = available(3);
        String id = api.as("alice").post("/orders", placement(ALICE, item(product, 1))).expect(201).json()
                .get("orderId").asString();

        awaitOrder(id, 1);
        api.get("/orders/" + id).expect(200);
        api.get("/orders?customerId=" + ALICE).expect(200);
        api.get("/customers/" + ALICE + "/notifications").expect(200);
        api.post("/inventory/" + product.id() + "/deliveries", Map.of("quantity", 5)).expect(200);
        api.get("/dead-letters").expect(200);
        api.get("/sagas").expect(200);
        api.get("/analytics").expect(200);
        api.get("/actuator/metrics").expect(200);
        api.post("/orders/" + id + "/cancellation", Map.of("reason", "on the customer's request")).expect(200);
    }

    @Test
    void anExpiredTokenAWronglySignedOneAndGarbageAreRefusedWithoutEchoingThem() throws Exception {
        RSAKey issuerKey = RSAKey.parse(Files.readString(folder.resolve("dev-issuer-key.json")));
        RSAKey strangerKey = new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate();
        Instant now = Instant.now();
        String expired = token(issuerKey, now.minusSeconds(7_200), now.minusSeconds(3_600));
        String stranger = token(strangerKey, now.minusSeconds(60), now.plusSeconds(3_600));
        String valid = token(issuerKey, now.minusSeconds(60), now.plusSeconds(3_600));

        api.get("/dead-letters", "Authorization", "Bearer " + valid).expect(200);
        JsonNode problem = problem(api.get("/dead-letters", "Authorization", "Bearer " + expired), 401);
        assertThat(problem.get("detail").asString()).contains("expired");
        for (String refused : List.of(stranger, "not.a.token", expired)) {
            Api.Response response = api.get("/orders", "Authorization", "Bearer " + refused);
            assertThat(problem(response, 401).toString()).doesNotContain(refused);
        }
    }

    private static String token(RSAKey key, Instant issued, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("operator").issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires))
                .claim("roles", List.of("operator")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Map<String, Object> registration(String producerId) {
        return Map.of("producerId", producerId, "producerName", "Someone", "name", "Test cheese " + newId(),
                "price", 4.5, "currency", "EUR", "available", true);
    }

    private static void forbidden(Api.Response response) {
        assertThat(problem(response, 403).get("type").asString()).endsWith("/forbidden");
    }
}
