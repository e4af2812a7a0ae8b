package dev.ordo.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's one command, as a user runs it: real PostgreSQL, a real broker process and the built marketplace jar,
 * each its own process, on free ports and a temporary data folder.
 */
class ClusterIntegrationTests {

    /** Kept when the test fails: the processes' logs are in its {@code logs} folder. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path data;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo customer alice's id, as the development issuer puts it into her tokens. */
    private static final String ALICE = "6f1c3e7a-2b1d-4c5e-9f00-000000000001";

    private final HttpClient http = HttpClient.newHttpClient();
    /** The operator's token from the orders service's development issuer (through the gateway); every service trusts it. */
    private volatile String token;
    private String[] options;

    @AfterEach
    void stopWhateverRuns() throws InterruptedException {
        if (options != null) {
            Cluster.run(command("stop"), out);
        }
    }

    @Test
    void oneCommandStartsTheServicesAnOrderGoesThroughThemAndAStartAfterAStopFindsTheData() throws Exception {
        int http = freePorts(8);
        int kafka = freePorts(2);
        options = new String[] {"--data=" + data, "--jar=" + Path.of("..", "marketplace", "target", "marketplace.jar")
                .toAbsolutePath().normalize(), "--gateway-jar=" + Path.of("..", "marketplace-gateway", "target",
                "marketplace-gateway.jar").toAbsolutePath().normalize(), "--http-port=" + http,
                "--postgres-port=" + freePort(), "--kafka-port=" + kafka};

        assertThat(Cluster.run(command("start"), out)).as(output()).isZero();
        assertThat(output()).contains("gateway: http://127.0.0.1:" + http + "/ (health: UP)")
                .contains("catalog: http://127.0.0.1:" + (http + 1) + "/ (health: UP)")
                .contains("orders: http://127.0.0.1:" + (http + 2) + "/ (health: UP)")
                .contains("query: http://127.0.0.1:" + (http + 3) + "/ (health: UP)")
                .contains("inventory: http://127.0.0.1:" + (http + 4) + "/ (health: UP)")
                .contains("shipping: http://127.0.0.1:" + (http + 5) + "/ (health: UP)")
                .contains("notifications: http://127.0.0.1:" + (http + 6) + "/ (health: UP)")
                .contains("payments: http://127.0.0.1:" + (http + 7) + "/ (health: UP)");
        ClusterState running = ClusterState.read(data.resolve("cluster.state")).orElseThrow();
        assertThat(running.status()).isEqualTo(ClusterState.Status.READY);
        assertThat(running.processes()).containsKeys("postgres", "kafka", "catalog", "orders", "query", "inventory",
                "shipping", "notifications", "payments", "gateway");
        // the demo catalog the catalog service seeds on its first start reaches Kafka through its outbox relay
        String bootstrap = "127.0.0.1:" + kafka;
        await().atMost(Duration.ofSeconds(60)).until(() -> committedRecords(bootstrap, "marketplace.product") > 0);
        // one address for the whole API: the gateway routes the catalog's paths to the catalog service
        String product = firstProductOnSale(get(http, "catalog/products?available=true").body());

        // the orders service knows the product from the catalog's events, and runs the order's fulfilment
        String request = orderFor(product);
        String order = await().atMost(Duration.ofSeconds(60)).until(() -> post(http, "orders", request,
                "first-order"), response -> response.statusCode() == 201).body();
        String orderId = field(order, "orderId");
        HttpResponse<String> replayed = post(http, "orders", request, "first-order");
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).as(replayed.body()).contains("true");
        assertThat(field(replayed.body(), "orderId")).isEqualTo(orderId);
        HttpResponse<String> refused = post(http, "orders", "{\"items\":[]}", "refused-order");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        await().atMost(Duration.ofSeconds(60)).until(() -> field(get(http, "orders/" + orderId).body(), "status"),
                "SHIPPED"::equals);
        // the saga asked the inventory, shipping and notifications services over Kafka: the unit left the stock, the
        // customer was told; the gateway routes each path to its owner
        String customer = field(order, "customerId");
        await().atMost(Duration.ofSeconds(60)).until(() -> get(http, "customers/" + customer + "/notifications")
                .body(), body -> body.contains("ORDER_CONFIRMED"));
        // the last step (ship-stock) follows the confirmation, and the inventory's view follows its stream: after the
        // delivery, the reservation and the shipment, nothing stays reserved
        await().atMost(Duration.ofSeconds(60)).until(() -> get(http, "inventory/" + product).body(),
                body -> number(body, "version") >= 3 && number(body, "reserved") == 0);
        String shipment = field(get(http, "orders/" + orderId + "/fulfilment").body(), "shipmentId");
        assertThat(field(get(http, "shipments/" + shipment).body(), "status")).isEqualTo("BOOKED");
        // the analytics come from the query service, fed by the orders' events on Kafka
        await().atMost(Duration.ofSeconds(60)).until(() -> get(http, "analytics").body(),
                body -> body.contains("\"paidOrders\":1"));
        aDeclinedPaymentCancelsTheOrderAcrossTheServices(http);
        theGatewaysApiDocumentIsTheEmbeddedMarketplaces(http);
        aBrowserSignsInThroughTheGatewayAndFollowsItsOrderLive(http, product);
        killedServicesComeBackAndEveryOrderIsAccountedFor(http, product);
        theQueryServicesReadModelsEqualARebuildFromKafka(http, bootstrap);
        long published = committedRecords(bootstrap, "marketplace.product");

        assertThat(Cluster.run(command("start"), out)).isZero();
        assertThat(output()).contains("the cluster runs already");

        assertThat(Cluster.run(command("stop"), out)).isZero();
        assertThat(running.supervisorAlive()).isFalse();
        assertThat(running.liveProcesses()).isEmpty();
        assertThat(output()).contains("the cluster is stopped; its data stays in");

        assertThat(Cluster.run(command("start"), out)).as(output()).isZero();
        assertThat(field(get(http, "orders/" + orderId).body(), "status")).isEqualTo("SHIPPED");
        // the relay resumed after its position (kept in the broker's data): the catalog was not published again
        assertThat(committedRecords(bootstrap, "marketplace.product")).isEqualTo(published);
        assertThat(Cluster.run(command("status"), out)).isZero();

        // a supervisor killed with SIGKILL stops nothing: stop kills every process it recorded, PostgreSQL included
        ClusterState orphaned = ClusterState.read(data.resolve("cluster.state")).orElseThrow();
        ProcessHandle supervisor = ProcessHandle.of(orphaned.pid()).orElseThrow();
        supervisor.destroyForcibly();
        supervisor.onExit().join();
        assertThat(ProcessHandle.of(orphaned.processes().get("postgres"))).hasValueSatisfying(postgres ->
                assertThat(postgres.isAlive()).isTrue());
        assertThat(Cluster.run(command("stop"), out)).isZero();
        assertThat(orphaned.liveProcesses()).isEmpty();
        assertThat(output()).contains("outlived the supervisor");
    }

    /**
     * A client cannot tell the deployments apart by the API's description: the gateway's OpenAPI document (the services'
     * documents merged) has the embedded marketplace's operations and schemas, and names the gateway as its server.
     */
    private void theGatewaysApiDocumentIsTheEmbeddedMarketplaces(int port) throws Exception {
        HttpResponse<String> merged = withoutToken(port, "v3/api-docs");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode gateway = JSON.readTree(merged.body());
        JsonNode embedded;
        int embeddedPort = freePort();
        Files.createDirectories(data.resolve("embedded"));
        try (ServiceJvm marketplace = ServiceJvm.start("embedded", Path.of("..", "marketplace", "target",
                "marketplace.jar"), embeddedPort, List.of(), data.resolve("embedded"), data.resolve("embedded-logs"))) {
            // the embedded marketplace is an issuer of its own: the cluster's token is not valid there
            embedded = JSON.readTree(withoutToken(embeddedPort, "v3/api-docs").body());
        }

        assertThat(operations(gateway)).isNotEmpty().containsExactlyInAnyOrderElementsOf(operations(embedded));
        assertThat(names(gateway.path("components").path("schemas")))
                .containsExactlyInAnyOrderElementsOf(names(embedded.path("components").path("schemas")));
        assertThat(gateway.path("servers").get(0).path("url").asText()).isEqualTo("http://127.0.0.1:" + port);

        // through the gateway as in one process: no token, no write (checked by the service that owns the path); a
        // token the issuer did not sign is refused at the edge
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/catalog/products"))
                .header("Authorization", "Bearer not.a.token").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> withoutToken(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The query service lived through the faults (the broker and the services it reads killed); a second query service
     * started afterwards on an empty database, in consumer groups of its own, rebuilds the same read models from
     * everything the services published: its analytics equal the first's, so nothing was lost or applied twice.
     */
    private void theQueryServicesReadModelsEqualARebuildFromKafka(int port, String bootstrap) throws Exception {
        String figures = "analytics?top=50";
        int rebuildPort = freePort();
        Files.createDirectories(data.resolve("rebuild"));
        try (ServiceJvm rebuild = ServiceJvm.start("query-rebuild", Path.of("..", "marketplace", "target",
                "marketplace.jar"), rebuildPort, List.of("--marketplace.service=query",
                "--spring.application.name=query-rebuild", "--ordo.store.type=sqlite",
                "--ordo.store.sqlite.path=" + data.resolve("rebuild").resolve("query.db"),
                "--ordo.kafka.bootstrap-servers=" + bootstrap, "--ordo.kafka.projections.enabled=true",
                "--ordo.kafka.projections.topics=marketplace.order,marketplace.product",
                "--ordo.kafka.projections.group-prefix=query-rebuild.",
                // the cluster's issuer key, so that the cluster's token is good here too
                "--marketplace.security.dev-issuer.key-file=" + data.resolve("dev-issuer-key.json").toAbsolutePath()),
                data.resolve("rebuild"),
                data.resolve("rebuild-logs"))) {
            String lived = await().atMost(Duration.ofMinutes(2)).until(() -> List.of(get(port, figures).body(),
                    get(rebuildPort, figures).body()), both -> both.getFirst().equals(both.getLast())).getFirst();
            assertThat(JSON.readTree(lived).path("totalOrders").asLong()).as(lived).isGreaterThan(20);
        }
    }

    /** Each operation of an OpenAPI document as "METHOD /path". */
    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return operations;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Orders placed one after the other through the gateway while the payments, the inventory, the Kafka broker, the
     * orders service (with the saga) and shipping are killed with SIGKILL in turn; the client sends each order again
     * with the same Idempotency-Key until it has an answer. The supervisor starts each killed process again (the
     * broker's outage lasts until it has recovered its logs); then the broker is stopped for a while
     * ({@link #ordersPlacedWhileTheBrokerIsAway}). Afterwards every order is shipped or cancelled, each
     * shipped order was captured exactly once and each cancelled one holds no money, and every unit of the product is
     * accounted for: what is available now is what was available before, less one unit per shipped order, and nothing
     * stays reserved.
     */
    private void killedServicesComeBackAndEveryOrderIsAccountedFor(int port, String product) throws Exception {
        Duration patience = Duration.ofMinutes(4);
        String stockBefore = await().atMost(patience).until(() -> get(port, "inventory/" + product).body(),
                body -> number(body, "reserved") == 0);
        Map<Integer, String> kills = Map.of(3, "payments", 7, "inventory", 11, "kafka", 15, "orders", 19,
                "shipping");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            if (kills.containsKey(i)) {
                kill(kills.get(i));
            }
            String key = "faulty-" + i;
            String request = orderFor(product);
            HttpResponse<String> placed = await().atMost(patience).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> post(port, "orders", request, key),
                            response -> response.statusCode() == 201 || response.statusCode() == 200);
            orders.add(field(placed.body(), "orderId"));
        }
        orders.addAll(ordersPlacedWhileTheBrokerIsAway(port, product, patience));
        int shipped = 0;
        for (String order : orders) {
            String status = await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> field(get(port, "orders/" + order).body(), "status"),
                            value -> value.equals("SHIPPED") || value.equals("CANCELLED"));
            String payments = await().atMost(patience).ignoreExceptions().until(() -> get(port, "payments/" + order),
                    response -> response.statusCode() == 200 || response.statusCode() == 404).body();
            long captured = Pattern.compile("\"status\":\"CAPTURED\"").matcher(payments).results().count();
            if (status.equals("SHIPPED")) {
                shipped++;
                assertThat(captured).as("captures of shipped order %s: %s", order, payments).isEqualTo(1);
            } else {
                assertThat(captured).as("money held for cancelled order %s: %s", order, payments).isZero();
            }
        }
        assertThat(shipped).as("orders shipped despite the kills").isPositive();
        int expected = number(stockBefore, "available") - shipped;
        String stockAfter = await().atMost(patience).ignoreExceptions().until(() -> get(port, "inventory/" + product)
                .body(), body -> number(body, "reserved") == 0 && number(body, "available") == expected);
        assertThat(number(stockAfter, "available")).isEqualTo(expected);
    }

    /**
     * Orders placed while the broker is stopped for a while ({@code cluster pause kafka}: an orderly stop the
     * supervisor does not undo): the orders service still takes them (their events wait in its outbox, their sagas'
     * requests cannot be sent) and reports the broker away (its Kafka health DEGRADED, still serving), until the
     * broker is back ({@code cluster resume kafka}).
     */
    private List<String> ordersPlacedWhileTheBrokerIsAway(int port, String product, Duration patience)
            throws Exception {
        URI ordersHealth = URI.create("http://127.0.0.1:" + (port + 2) + "/actuator/health");
        assertThat(Cluster.run(command("pause", "kafka"), out)).as(output()).isZero();
        assertThat(output()).contains("kafka is paused");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String key = "broker-away-" + i;
            String request = orderFor(product);
            orders.add(field(await().atMost(patience).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> post(port, "orders", request, key), response -> response.statusCode() == 201
                            || response.statusCode() == 200).body(), "orderId"));
        }
        await().atMost(patience).ignoreExceptions().until(() -> JSON.readTree(http.send(HttpRequest.newBuilder(
                        ordersHealth).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("components").path("ordoKafka").path("status").asText(), "DEGRADED"::equals);
        assertThat(Cluster.run(command("resume", "kafka"), out)).as(output()).isZero();
        assertThat(output()).contains("kafka runs again");
        return orders;
    }

    /**
     * A payment the payments service's provider declines (the cluster's fake declines 1,000 or more) cancels the order
     * across the services: the order names the provider's reason, the payments service recorded the decline, the
     * inventory service released the reservation. The product's new price reaches the orders service through Kafka,
     * so the order is placed again until it carries it.
     */
    private void aDeclinedPaymentCancelsTheOrderAcrossTheServices(int port) throws Exception {
        Duration patience = Duration.ofSeconds(90);
        // not the product the fault test counts: the second one on sale
        String product = JSON.readTree(get(port, "catalog/products?available=true").body()).get(1).get("productId")
                .asText();
        // If-Match goes through the gateway as it is: a stale version is a 409 problem naming the current one
        HttpResponse<String> stale = putPrice(port, product, "\"999\"");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(stale.headers().firstValue("ETag")).isPresent();
        HttpResponse<String> priced = putPrice(port, product, stale.headers().firstValue("ETag").orElseThrow());
        assertThat(priced.statusCode()).as(priced.body()).isEqualTo(200);
        JsonNode order = await().atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> JSON.readTree(
                        post(port, "orders", orderFor(product), UUID.randomUUID().toString()).body()),
                placed -> placed.path("total").path("amount").decimalValue().compareTo(new BigDecimal("1500")) == 0);
        String orderId = order.get("orderId").asText();
        String cancelled = await().atMost(patience).until(() -> get(port, "orders/" + orderId).body(),
                body -> field(body, "status").equals("CANCELLED"));
        assertThat(field(cancelled, "reason")).isEqualTo("payment declined: over the card's limit (CARD)");
        assertThat(field(get(port, "payments/" + orderId).body(), "status")).isEqualTo("DECLINED");
        await().atMost(patience).until(() -> number(get(port, "inventory/" + product).body(), "reserved") == 0);
    }

    /**
     * The web pages come from the gateway, and a browser signs in as they do (the authorization-code grant with PKCE at
     * the orders service's development issuer): every redirect of the issuer, its login page among them, names the
     * gateway's address, and the token it gives works through the gateway. With it, the customer follows a new order
     * of theirs live: the orders service's stream, through the gateway, shows it placed and then shipped.
     */
    private void aBrowserSignsInThroughTheGatewayAndFollowsItsOrderLive(int port, String product) throws Exception {
        String gateway = "http://127.0.0.1:" + port;
        assertThat(get(port, "ui/login.html").body()).contains("Sign in at the issuer");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = "a-verifier-of-at-least-forty-three-characters-for-pkce";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String callback = gateway + "/ui/callback.html";
        String authorize = gateway + "/oauth2/authorize?response_type=code&client_id=marketplace-ui&redirect_uri="
                + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256&state=s1";
        HttpResponse<String> toLogin = browser.send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(toLogin.headers().firstValue("Location")).contains(gateway + "/login");
        String form = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as(form).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-secret&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String back = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(gateway + "/oauth2/authorize");
        String withCode = browser.send(HttpRequest.newBuilder(URI.create(back)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
        assertThat(withCode).startsWith(callback + "?code=").contains("state=s1");
        String code = URLDecoder.decode(withCode.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=marketplace-ui"
                        + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&redirect_uri="
                        + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String alice = "Bearer " + field(token.body(), "access_token");
        HttpResponse<String> mine = browser.send(HttpRequest.newBuilder(URI.create(gateway
                        + "/orders?customerId=" + ALICE)).header("Authorization", alice).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);

        HttpResponse<Stream<String>> live = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/live/orders"))
                .header("Authorization", alice).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(live.statusCode()).isEqualTo(200);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread.ofVirtual().start(() -> {
            try {
                live.body().forEach(lines::add);
            } catch (UncheckedIOException closed) {
                // the test closed the stream
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:ready"));
        String placed = http.send(HttpRequest.newBuilder(URI.create(gateway + "/orders"))
                .header("Authorization", alice).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(orderFor(product).replaceFirst(
                        "\"customerId\":\"[^\"]+\"", "\"customerId\":\"" + ALICE + "\""))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String orderId = field(placed, "orderId");
        await().atMost(Duration.ofSeconds(60)).until(() -> List.copyOf(lines).stream().anyMatch(line ->
                line.contains(orderId) && line.contains("\"status\":\"SHIPPED\"")));
        assertThat(List.copyOf(lines)).filteredOn(line -> line.startsWith("data:") && line.contains("\"orderId\""))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("\"customerId\":\"" + ALICE + "\""));
        live.body().close();
    }

    /** Sets the product's price to 1,500.00 EUR through the gateway, at the version the ETag names. */
    private HttpResponse<String> putPrice(int port, String product, String ifMatch)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/catalog/products/" + product
                        + "/price")).header("Authorization", bearer(port))
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"price\":\"1500.00\",\"currency\":\"EUR\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Kills the named process (a service, the broker) with SIGKILL, as the state file names it. */
    private void kill(String service) {
        long pid = ClusterState.read(data.resolve("cluster.state")).orElseThrow().processes().get(service);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    /** The first integer value of the field in a JSON text. */
    private static int number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private String[] command(String... name) {
        List<String> args = new ArrayList<>(List.of(name));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .header("Authorization", bearer(port)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String json, String idempotencyKey)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .header("Authorization", bearer(port))
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code Bearer <token>} of the development issuer's operator, fetched once through the gateway. */
    private String bearer(int port) throws IOException, InterruptedException {
        if (token == null) {
            String credentials = Base64.getEncoder().encodeToString(
                    "operator:operator-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/oauth2/token")).header("Authorization", "Basic " + credentials)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            token = JSON.readTree(answer.body()).get("access_token").asText();
        }
        return "Bearer " + token;
    }

    private static String orderFor(String productId) {
        return "{\"customerId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":\"" + productId
                + "\",\"quantity\":1}],\"shippingAddress\":{\"street\":\"Main St 1\",\"city\":\"Berlin\","
                + "\"postalCode\":\"10115\",\"country\":\"DE\"}}";
    }

    /** The first product id of a catalog listing. */
    private static String firstProductOnSale(String listing) {
        return field(listing, "productId");
    }

    /** The first string value of the field in a JSON text. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }

    /** How many records a read_committed reader finds on the topic. */
    private static long committedRecords(String bootstrap, String topic) {
        Properties settings = new Properties();
        settings.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return begin.isEmpty() ? 0 : count;
        }
    }

    private static int freePort() {
        return freePorts(1);
    }

    /**
     * The first of {@code count} free ports in a row (the broker's controller, the services after the gateway), below
     * the kernel's ephemeral range (from 32768 on Linux): a child binds them seconds later, and a port handed out by
     * the system for a free one would meanwhile be given to some outgoing connection.
     */
    private static int freePorts(int count) {
        Random random = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 10_000 + random.nextInt(22_000 - count);
            if (areFree(port, count)) {
                return port;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row");
    }

    private static boolean areFree(int port, int count) {
        for (int next = port; next < port + count; next++) {
            try (ServerSocket socket = new ServerSocket(next)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
