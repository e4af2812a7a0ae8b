package dev.ordo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway in front of a stand-in service (a JDK HTTP server that also publishes the issuer's keys): valid tokens
 * and requests without one are routed with their headers, a wrongly signed or expired token is refused at the edge,
 * and a client over its rate gets 429 with Retry-After while others go on.
 */
class EdgeSecurityIntegrationTests {

    static final int CAPACITY = 20;
    static RSAKey issuer;
    static HttpServer service;
    static final List<String> routed = new ArrayList<>();
    static ConfigurableApplicationContext gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheServiceAndTheGateway() throws Exception {
        issuer = new RSAKeyGenerator(2048).keyID("issuer").generate();
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            byte[] body;
            if (exchange.getRequestURI().getPath().equals("/oauth2/jwks")) {
                body = new JWKSet(issuer.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            } else {
                synchronized (routed) {
                    routed.add(exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization"));
                }
                body = "{}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        List<String> args = new ArrayList<>(StandInRoutes.allTo(url));
        args.addAll(List.of("--server.port=0", "--marketplace.rate-limit.capacity=" + CAPACITY,
                "--marketplace.rate-limit.period=4s", "--spring.main.banner-mode=off"));
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        service.stop(0);
    }

    @Test
    void aValidTokenAndNoTokenAreRoutedWithTheirHeadersAndABadTokenIsRefusedAtTheEdge() throws Exception {
        String valid = token(issuer, "alice", Instant.now().plusSeconds(600));
        String expired = token(issuer, "alice", Instant.now().minusSeconds(600));
        String stranger = token(new RSAKeyGenerator(2048).keyID("issuer").generate(), "alice",
                Instant.now().plusSeconds(600));

        assertThat(get("/orders/1", valid).statusCode()).isEqualTo(200);
        assertThat(get("/catalog/products", null).statusCode()).isEqualTo(200);
        for (String refused : List.of(expired, stranger, "garbage")) {
            HttpResponse<String> response = get("/orders/2", refused);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(response.body()).contains("/problems/unauthenticated").doesNotContain(refused);
        }

        synchronized (routed) {
            assertThat(routed).contains("/orders/1 Bearer " + valid, "/catalog/products null")
                    .noneMatch(line -> line.startsWith("/orders/2"));
        }
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterOthersGoOnAndItIsServedAgainLater() throws Exception {
        String bob = token(issuer, "bob", Instant.now().plusSeconds(600));
        String carol = token(issuer, "carol", Instant.now().plusSeconds(600));
        HttpResponse<String> refused = null;
        for (int i = 0; i < 3 * CAPACITY && refused == null; i++) {
            HttpResponse<String> response = get("/orders", bob);
            refused = response.statusCode() == 429 ? response : null;
        }

        assertThat(refused).as("a refusal within %s requests", 3 * CAPACITY).isNotNull();
        assertThat(refused.body()).contains("/problems/rate-limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 4L);
        assertThat(get("/orders", carol).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/orders", bob).statusCode() == 200);
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(RSAKey key, String subject, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
