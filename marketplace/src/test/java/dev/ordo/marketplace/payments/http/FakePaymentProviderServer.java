package dev.ordo.marketplace.payments.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.Capture;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.PaymentLedger;
import dev.ordo.marketplace.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment provider in the test's JVM that a marketplace in another process reaches over HTTP, so that its ledger
 * outlives every kill of the marketplace. A thin wrapper: each request is one call of the wrapped
 * {@link FakePaymentProvider} (latency, declines, hangs and outages are the fake's), its answer is written in the
 * protocol of ADR 0019, and the money moved is the fake's {@link #ledger()}. Requests are served on virtual threads,
 * so calls that hang hold no platform thread; {@link #close()} releases them. Thread-safe.
 */
public final class FakePaymentProviderServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakePaymentProviderServer.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OPERATION = Pattern.compile("/payments/([^/]+)/(authorize|capture|refund)");

    private final FakePaymentProvider provider;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private FakePaymentProviderServer(FakePaymentProvider provider, HttpServer server) {
        this.provider = provider;
        this.server = server;
    }

    /** Serves the provider on a free loopback port. */
    public static FakePaymentProviderServer start(FakePaymentProvider provider) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            FakePaymentProviderServer wrapper = new FakePaymentProviderServer(provider, server);
            server.createContext("/payments/", wrapper::handle);
            server.setExecutor(wrapper.threads);
            server.start();
            log.info("fake payment provider listening at {}", wrapper.url());
            return wrapper;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake payment provider's server", e);
        }
    }

    /** The base URL to give the marketplace as {@code marketplace.payments.http.url}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    /** The wrapped provider, to change how it behaves (declines, hangs, outages) while it serves. */
    public FakePaymentProvider provider() {
        return provider;
    }

    /** The money moved: every capture and refund, once each. */
    public PaymentLedger ledger() {
        return provider.ledger();
    }

    /** Requests received per operation ({@code authorize}, {@code capture}, {@code refund}) and answer class. */
    public Map<String, Integer> requests() {
        Map<String, Integer> counts = new TreeMap<>();
        requests.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    @Override
    public void close() {
        provider.releaseHangs();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher operation = OPERATION.matcher(exchange.getRequestURI().getRawPath());
            if (!operation.matches()) {
                respond(exchange, "unknown", 404, error("no such operation: " + exchange.getRequestURI()));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, operation.group(2), 405, error("only POST is allowed"));
                return;
            }
            String paymentId = URLDecoder.decode(operation.group(1), StandardCharsets.UTF_8);
            String name = operation.group(2);
            try {
                respond(exchange, name, 200, switch (name) {
                    case "authorize" -> authorize(paymentId, read(exchange.getRequestBody()));
                    case "capture" -> capture(provider.capture(paymentId));
                    case "refund" -> refund(provider.refund(paymentId));
                    default -> throw new IllegalStateException("unmatched operation " + name);
                });
            } catch (PaymentProviderUnavailableException e) {
                respond(exchange, name, 503, error(e.getMessage()));
            } catch (IllegalStateException e) {
                respond(exchange, name, 409, error(e.getMessage()));
            } catch (IllegalArgumentException e) {
                respond(exchange, name, 400, error(e.getMessage()));
            }
        }
    }

    private ObjectNode authorize(String paymentId, JsonNode body) {
        if (body == null || body.get("amount") == null || body.get("currency") == null) {
            throw new IllegalArgumentException("amount and currency are required");
        }
        Money amount = Money.of(body.get("amount").asString(), body.get("currency").asString());
        String method = body.get("method") == null ? "CARD" : body.get("method").asString();
        ObjectNode answer = JSON.createObjectNode().put("paymentId", paymentId);
        return switch (provider.authorize(paymentId, amount, method)) {
            case Authorization.Approved approved -> money(answer.put("outcome", "APPROVED")
                    .put("reference", approved.reference()), approved.amount());
            case Authorization.Declined declined -> answer.put("outcome", "DECLINED").put("reason", declined.reason());
        };
    }

    private static ObjectNode capture(Capture capture) {
        return money(JSON.createObjectNode().put("paymentId", capture.paymentId())
                .put("reference", capture.reference()), capture.amount());
    }

    private static ObjectNode refund(Refund refund) {
        ObjectNode answer = JSON.createObjectNode().put("paymentId", refund.paymentId());
        return switch (refund) {
            case Refund.Refunded refunded -> money(answer.put("outcome", "REFUNDED"), refunded.amount());
            case Refund.NothingToRefund nothing -> answer.put("outcome", "NOTHING_TO_REFUND");
        };
    }

    private static ObjectNode money(ObjectNode answer, Money amount) {
        return answer.put("amount", amount.amount().toPlainString())
                .put("currency", amount.currency().getCurrencyCode());
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message == null ? "" : message);
    }

    private static JsonNode read(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON", e);
        }
    }

    private void respond(HttpExchange exchange, String operation, int status, ObjectNode body) throws IOException {
        requests.computeIfAbsent(operation + " " + status, key -> new AtomicInteger()).incrementAndGet();
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
