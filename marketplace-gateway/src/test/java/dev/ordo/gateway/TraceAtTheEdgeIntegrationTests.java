package dev.ordo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A request's trace starts at the gateway: the service behind it gets the traceparent of the gateway's own span. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.tracing.sampling.probability=1.0")
@Import(TraceAtTheEdgeIntegrationTests.KeptSpans.class)
class TraceAtTheEdgeIntegrationTests {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer ORDERS = orders();

    @LocalServerPort
    int port;

    @Autowired
    InMemorySpanExporter exported;

    @Autowired
    SdkTracerProvider tracer;

    /** The gateway's spans, kept in memory. */
    @TestConfiguration(proxyBeanMethods = false)
    static class KeptSpans {

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String orders = "http://127.0.0.1:" + ORDERS.getAddress().getPort();
        for (String service : List.of("catalog", "orders", "query", "inventory", "shipping", "notifications",
                "payments")) {
            registry.add("marketplace.gateway." + service + "-url", () -> orders);
        }
    }

    @AfterAll
    static void stopTheService() {
        ORDERS.stop(0);
    }

    @Test
    void theServiceBehindTheGatewayContinuesTheGatewaysTrace() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/orders/o-1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RECEIVED).singleElement().asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        String traceId = RECEIVED.getFirst().substring(3, 35);
        String parentSpanId = RECEIVED.getFirst().substring(36, 52);
        List<SpanData> spans = await().atMost(Duration.ofSeconds(20)).until(() -> {
            tracer.forceFlush().join(10, TimeUnit.SECONDS);
            return exported.getFinishedSpanItems();
        }, ended -> ended.stream().anyMatch(s -> s.getSpanId().equals(parentSpanId)));
        assertThat(spans).filteredOn(s -> s.getTraceId().equals(traceId))
                .anySatisfy(server -> assertThat(server.getName()).startsWith("http get"));
    }

    private static HttpServer orders() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                byte[] body = "{}".getBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
