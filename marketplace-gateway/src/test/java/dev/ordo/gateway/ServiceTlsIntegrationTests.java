package dev.ordo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway configured by properties alone ({@code spring.ssl.bundle.jks.*}, {@code spring.http.clients.ssl.bundle})
 * in front of a stand-in service that speaks only mutual TLS (a JDK HTTPS server that needs a client certificate from
 * the certificate authority of {@code deploy/tls/generate.sh}): the routes, the merged API document and the issuer's
 * keys all reach the service with the gateway's certificate.
 */
class ServiceTlsIntegrationTests {

    @TempDir
    static Path certificates;
    static RSAKey issuer;
    static HttpsServer service;
    static final List<String> seen = new ArrayList<>();
    static ConfigurableApplicationContext gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheServiceAndTheGateway() throws Exception {
        generate(certificates, "catalog");
        issuer = new RSAKeyGenerator(2048).keyID("issuer").generate();
        service = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.setHttpsConfigurator(new HttpsConfigurator(serviceTls()) {
            @Override
            public void configure(HttpsParameters parameters) {
                parameters.setNeedClientAuth(true);
            }
        });
        service.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (seen) {
                seen.add(path + " " + client((HttpsExchange) exchange));
            }
            String body = switch (path) {
                case "/oauth2/jwks" -> new JWKSet(issuer.toPublicJWK()).toString();
                case "/v3/api-docs" -> """
                        {"openapi": "3.1.0", "info": {"title": "Catalog", "version": "1"}, "paths": {}}""";
                default -> "{}";
            };
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        service.start();
        String url = "https://127.0.0.1:" + service.getAddress().getPort();
        String bundle = "--spring.ssl.bundle.jks.services.";
        List<String> args = new ArrayList<>(StandInRoutes.allTo(url));
        args.addAll(List.of("--server.port=0",
                bundle + "keystore.location=file:" + certificates.resolve("gateway.p12"),
                bundle + "keystore.password=changeit",
                bundle + "truststore.location=file:" + certificates.resolve("truststore.p12"),
                bundle + "truststore.password=changeit",
                "--spring.http.clients.ssl.bundle=services",
                "--marketplace.gateway.api-docs.services=" + url,
                "--spring.main.banner-mode=off"));
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void theGatewayRoutesARequestToAServiceThatNeedsItsClientCertificate() throws Exception {
        HttpResponse<String> response = get("/catalog/products", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        synchronized (seen) {
            assertThat(seen).contains("/catalog/products CN=gateway");
        }
    }

    @Test
    void theGatewayReadsTheServicesApiDocumentsAndTheIssuersKeysWithItsClientCertificate() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuer.getKeyID()).build(),
                claims);
        token.sign(new RSASSASigner(issuer));

        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(get("/orders/1", token.serialize()).statusCode()).isEqualTo(200);
        synchronized (seen) {
            assertThat(seen).contains("/v3/api-docs CN=gateway", "/oauth2/jwks CN=gateway", "/orders/1 CN=gateway");
        }
    }

    /**
     * Runs {@code deploy/tls/generate.sh} with this JVM's keytool: a certificate authority, the named services' and
     * the gateway's key stores, and the trust store, in {@code folder}.
     */
    static void generate(Path folder, String... services) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("../deploy/tls/generate.sh").toAbsolutePath()
                .toString(), folder.toString()));
        command.addAll(List.of(services));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    private static SSLContext serviceTls() {
        JksSslStoreBundle stores = new JksSslStoreBundle(
                new JksSslStoreDetails(null, null, "file:" + certificates.resolve("catalog.p12"), "changeit"),
                new JksSslStoreDetails(null, null, "file:" + certificates.resolve("truststore.p12"), "changeit"));
        return SslBundle.of(stores).createSslContext();
    }

    private static String client(HttpsExchange exchange) {
        try {
            return exchange.getSSLSession().getPeerPrincipal().getName();
        } catch (SSLPeerUnverifiedException e) {
            return "anonymous";
        }
    }

    private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
