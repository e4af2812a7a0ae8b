package dev.ordo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway serves the web pages itself and passes the live streams through as they come: a stand-in service sends
 * one event of its stream, and the second only once the client has read the first, so a gateway that buffered the
 * stream would never deliver either. It tells the services the address the browser used (the development issuer's
 * login page and redirects name it).
 */
class WebPagesAtTheEdgeIntegrationTests {

    static HttpServer service;
    static final List<String> routed = new ArrayList<>();
    static final CountDownLatch firstEventRead = new CountDownLatch(1);
    static ConfigurableApplicationContext gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheServiceAndTheGateway() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", exchange -> {
            synchronized (routed) {
                routed.add(exchange.getRequestURI().getPath() + " Last-Event-ID="
                        + exchange.getRequestHeaders().getFirst("Last-Event-ID") + " X-Forwarded-Host="
                        + exchange.getRequestHeaders().getFirst("X-Forwarded-Host"));
            }
            if (!exchange.getRequestURI().getPath().equals("/live/orders")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("id: 8\nevent: order\ndata: {\"status\":\"PAID\"}\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                if (firstEventRead.await(30, TimeUnit.SECONDS)) {
                    body.write("id: 9\nevent: order\ndata: {\"status\":\"SHIPPED\"}\n\n"
                            .getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        service.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        service.start();
        List<String> args = new ArrayList<>(StandInRoutes.allTo("http://127.0.0.1:" + service.getAddress().getPort()));
        args.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        service.stop(0);
    }

    @Test
    void thePagesAndTheirScriptsComeFromTheGatewayItself() throws Exception {
        HttpResponse<String> login = get("/ui/login.html");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(login.body()).contains("Sign in");
        assertThat(get("/ui/js/ordo.js").body()).contains("export function live");
        assertThat(get("/ui/").body()).contains("startPage");
        HttpResponse<String> chart = get("/webjars/echarts/dist/echarts.min.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("echarts");
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/ui/"));
        synchronized (routed) {
            assertThat(routed).noneMatch(path -> path.startsWith("/ui") || path.startsWith("/webjars/echarts"));
        }
    }

    @Test
    void aLiveStreamPassesThroughEventByEventWithTheIdToResumeFrom() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/live/orders")).header("Accept", "text/event-stream")
                .header("Last-Event-ID", "7").build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("data:") && line.contains("PAID")) {
                    firstEventRead.countDown();
                }
            }
        }
        assertThat(lines).containsSubsequence("id: 8", "data: {\"status\":\"PAID\"}", "id: 9",
                "data: {\"status\":\"SHIPPED\"}");
        synchronized (routed) {
            assertThat(routed).anyMatch(sent -> sent.startsWith("/live/orders Last-Event-ID=7 "));
        }
    }

    @Test
    void theServiceLearnsWhereTheBrowserSentTheRequestWhateverTheClientClaimed() throws Exception {
        String gatewayAddress = "127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port");

        http.send(HttpRequest.newBuilder(uri("/oauth2/authorize?client_id=marketplace-ui"))
                .header("X-Forwarded-Host", "evil.example").build(), HttpResponse.BodyHandlers.ofString());

        synchronized (routed) {
            assertThat(routed).contains("/oauth2/authorize Last-Event-ID=null X-Forwarded-Host=" + gatewayAddress);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port") + path);
    }
}
