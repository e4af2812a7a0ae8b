package dev.ordo.marketplace.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The catalog service configured by properties alone for mutual TLS (docs/operations.md, "Mutual TLS between the
 * gateway and the services"), with certificates from {@code deploy/tls/generate.sh}: its API answers only a client
 * that presents a client certificate signed by the trusted authority (the gateway's); a client without one, with one
 * from another authority, or with a service's (server) certificate is refused in the TLS handshake. Its health stays
 * on a plain HTTP management port, for the probes.
 */
class ServiceTlsIntegrationTests {

    @TempDir
    static Path folder;
    static ConfigurableApplicationContext catalog;

    @BeforeAll
    static void startTheCatalogWithMutualTls() throws Exception {
        generate(folder.resolve("tls"), "catalog");
        generate(folder.resolve("stranger"), "catalog");
        String bundle = "--spring.ssl.bundle.jks.service.";
        catalog = new SpringApplicationBuilder(CatalogServiceApplication.class).run("--server.port=0",
                bundle + "keystore.location=file:" + folder.resolve("tls/catalog.p12"),
                bundle + "keystore.password=changeit",
                bundle + "truststore.location=file:" + folder.resolve("tls/truststore.p12"),
                bundle + "truststore.password=changeit",
                "--server.ssl.bundle=service", "--server.ssl.client-auth=need",
                "--management.server.port=0", "--management.server.ssl.enabled=false",
                "--ordo.store.type=sqlite", "--ordo.store.sqlite.path=" + folder.resolve("catalog.db"),
                "--marketplace.security.dev-issuer.key-file=" + folder.resolve("dev-issuer-key.json"),
                "--marketplace.demo-data=true", "--management.tracing.export.enabled=false",
                "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        if (catalog != null) {
            catalog.close();
        }
    }

    @Test
    void aClientWithTheGatewaysCertificateReadsTheCatalog() throws Exception {
        HttpClient gateway = HttpClient.newBuilder().sslContext(tls("tls/gateway.p12")).build();
        HttpResponse<String> response = get(gateway, "/catalog/products");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("productId");
    }

    @Test
    void aClientWithoutACertificateIsRefusedInTheHandshake() {
        assertThatThrownBy(() -> handshake(tls(null))).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_required");
    }

    @Test
    void aClientWithACertificateFromAnotherAuthorityIsRefusedInTheHandshake() {
        assertThatThrownBy(() -> handshake(tls("stranger/gateway.p12"))).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_unknown");
    }

    @Test
    void aClientWithAServicesCertificateIsRefusedInTheHandshakeSinceItIsNotMadeForClients() {
        assertThatThrownBy(() -> handshake(tls("tls/catalog.p12"))).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_unknown");
    }

    @Test
    void theHealthStaysOnAPlainHttpManagementPortWithoutACertificate() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port("local.management.port") + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
    }

    /** Runs {@code deploy/tls/generate.sh} with this JVM's keytool into {@code target}. */
    static void generate(Path target, String... services) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("../deploy/tls/generate.sh").toAbsolutePath()
                .toString(), target.toString()));
        command.addAll(List.of(services));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    /** TLS that trusts the service's authority and presents the certificate in {@code keyStore}, if any. */
    private static SSLContext tls(String keyStore) {
        JksSslStoreDetails key = keyStore == null ? null
                : new JksSslStoreDetails(null, null, "file:" + folder.resolve(keyStore), "changeit");
        JksSslStoreDetails trust = new JksSslStoreDetails(null, null, "file:" + folder.resolve("tls/truststore.p12"),
                "changeit");
        return SslBundle.of(new JksSslStoreBundle(key, trust)).createSslContext();
    }

    /**
     * A TLS handshake with the service's API port and nothing sent after it. In TLS 1.3 the server judges the client's
     * certificate after the client considers the handshake done, so the refusal (an alert) comes with the first read;
     * sending nothing keeps it from being lost to a connection reset.
     */
    private static void handshake(SSLContext tls) throws IOException {
        int port = port("local.server.port");
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            socket.getInputStream().read();
        }
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port("local.server.port") + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port(String property) {
        return catalog.getEnvironment().getRequiredProperty(property, Integer.class);
    }
}
