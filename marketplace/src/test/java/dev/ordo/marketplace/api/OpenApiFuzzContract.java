package dev.ordo.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.ordo.core.store.EventReader;
import dev.ordo.core.subscription.Subscriptions;
import dev.ordo.test.faults.SeededFaults;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bad input at scale: requests generated from the application's own OpenAPI document, for every operation a valid one
 * and hostile variants (see {@link OpenApiRequests} and {@link HostileValues}), sent one at a time over HTTP. No answer
 * may be a 5xx, every 4xx is an RFC 9457 problem, a refused request appends nothing to the log, and nothing is logged
 * at ERROR or with an {@link Error} meanwhile. The seed is logged ({@code -Dordo.faults.seed=N} replays a run);
 * {@code -Dordo.fuzz.requests-per-operation=N} sends more.
 */
abstract class OpenApiFuzzContract extends MarketplaceApiTests {

    private static final int PER_OPERATION = Integer.getInteger("ordo.fuzz.requests-per-operation", 16);

    @Autowired
    EventReader log;

    @Autowired
    Subscriptions subscriptions;

    @Test
    void noGeneratedRequestIsAnsweredWithA5xxOrARefusalThatIsNoProblemOrThatWrote() {
        SeededFaults random = SeededFaults.fromSystemPropertyOrRandom(getClass().getSimpleName());
        JsonNode order = placed(newId(), item(available(0), 1));
        Map<String, String> ids = Map.of("orderId", order.get("orderId").asString(),
                "customerId", order.get("customerId").asString());
        OpenApiRequests requests = new OpenApiRequests(api.get("/v3/api-docs").expect(200).json(), random,
                name -> name.equals("productId") ? products.get(random.nextInt(products.size())).id() : ids.get(name));
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        try {
            List<OpenApiRequests.Operation> operations = requests.operations();
            assertThat(operations).hasSizeGreaterThan(30);
            for (OpenApiRequests.Operation operation : operations) {
                for (int i = 0; i < PER_OPERATION; i++) {
                    check(i == 0 ? requests.valid(operation) : requests.hostile(operation), failures);
                    sent++;
                }
            }
        } finally {
            root.detachAppender(logged);
        }

        LoggerFactory.getLogger(getClass()).info("bad input: {} generated requests sent for {} operations ({})", sent,
                requests.operations().size(), random);
        assertThat(failures).as("%d requests from %s", sent, random).isEmpty();
        assertThat(logged.list).as("log lines at ERROR or with an Error, %s", random)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || hasError(e.getThrowableProxy()))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    private void check(OpenApiRequests.Request request, List<String> failures) {
        awaitQuiet();
        long head = log.headPosition();
        Api.Response response;
        try {
            response = api.sendBytes(request.method(), request.target(), request.body(), request.contentType(),
                    request.headers().toArray(String[]::new));
        } catch (UncheckedIOException e) {
            failures.add(request + " broke off: " + e.getCause());
            return;
        }
        int status = response.status();
        if (status >= 500) {
            failures.add(request + " -> " + status + " " + OpenApiRequests.abbreviate(response.body()));
        } else if (status >= 400) {
            String type = response.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add(request + " -> " + status + " as " + type + ": "
                        + OpenApiRequests.abbreviate(response.body()));
            }
            long after = log.headPosition();
            if (after != head) {
                failures.add(request + " -> " + status + " but the log moved from " + head + " to " + after);
            }
        }
    }

    /** Waits until whatever an accepted request set off (process managers appending) has settled. */
    private void awaitQuiet() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(5)).until(() -> {
            long head = log.headPosition();
            return subscriptions.statuses().stream().allMatch(s -> s.lagEvents() == 0)
                    && log.headPosition() == head;
        });
    }

    private static boolean hasError(IThrowableProxy proxy) {
        for (IThrowableProxy t = proxy; t != null; t = t.getCause()) {
            try {
                if (Error.class.isAssignableFrom(Class.forName(t.getClassName()))) {
                    return true;
                }
            } catch (ClassNotFoundException e) {
                return true;
            }
        }
        return false;
    }
}
