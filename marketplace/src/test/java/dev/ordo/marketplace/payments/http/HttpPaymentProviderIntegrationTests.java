package dev.ordo.marketplace.payments.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.Capture;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.payments.app.PaymentResilience;
import dev.ordo.marketplace.payments.app.ResilientPaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentProvider;
import dev.ordo.marketplace.payments.fake.FakePaymentSettings;
import dev.ordo.marketplace.shared.Money;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP payment provider against a real HTTP server (the fake provider behind {@link FakePaymentProviderServer}):
 * answers become the port's values, the payment id is the idempotency key, and everything whose outcome the
 * marketplace cannot know becomes {@link PaymentProviderUnavailableException}.
 */
class HttpPaymentProviderIntegrationTests {

    private static final Money TEN = Money.of("10.00", "EUR");
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(400);

    private final FakePaymentProvider fake = new FakePaymentProvider(
            FakePaymentSettings.ofDefaults().withLatency(Duration.ZERO), Clock.systemUTC());
    private final FakePaymentProviderServer server = FakePaymentProviderServer.start(fake);
    private final HttpPaymentProvider payments = new HttpPaymentProvider(
            new HttpPaymentSettings(server.url(), Duration.ofSeconds(1), ANSWER_WITHIN));

    @AfterEach
    void stop() {
        payments.close();
        server.close();
    }

    @Test
    void authorizesCapturesAndRefundsOncePerPaymentIdHoweverOftenACallIsRepeated() {
        Authorization first = payments.authorize("order-1:take-payment", TEN, "CARD");
        Authorization again = payments.authorize("order-1:take-payment", TEN, "CARD");
        Capture capture = payments.capture("order-1:take-payment");
        payments.capture("order-1:take-payment");

        assertThat(first).isInstanceOf(Authorization.Approved.class).isEqualTo(again);
        assertThat(((Authorization.Approved) first).reference()).startsWith("psp_");
        assertThat(capture.amount()).isEqualTo(TEN);
        assertThat(capture.reference()).isEqualTo(((Authorization.Approved) first).reference());
        assertThat(server.ledger().charges()).singleElement()
                .satisfies(charge -> assertThat(charge.paymentId()).isEqualTo("order-1:take-payment"));

        assertThat(payments.refund("order-1:take-payment")).isEqualTo(new Refund.Refunded("order-1:take-payment",
                TEN));
        assertThat(payments.refund("order-1:take-payment"))
                .isEqualTo(new Refund.NothingToRefund("order-1:take-payment"));
        assertThat(server.ledger().refunds()).hasSize(1);
    }

    @Test
    void aDeclineIsAFinalAnswerWithTheProvidersReason() {
        fake.configure(fake.settings().withDeclineRate(1));

        Authorization answer = payments.authorize("p-declined", TEN, "CARD");

        assertThat(answer).isInstanceOf(Authorization.Declined.class);
        assertThat(((Authorization.Declined) answer).reason()).contains("declined");
        assertThat(payments.authorize("p-declined", TEN, "CARD")).isEqualTo(answer);
    }

    @Test
    void capturingAPaymentThatWasNeverAuthorizedIsRefusedForGood() {
        assertThatThrownBy(() -> payments.capture("p-never-authorized"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("p-never-authorized")
                .hasMessageContaining("unknown");
    }

    @Test
    void anOutageOfTheProviderIsAnUnknownOutcomeNamingTheStatus() {
        fake.outage(true);

        assertThatThrownBy(() -> payments.authorize("p-outage", TEN, "CARD"))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageContaining("answered 503")
                .hasMessageContaining("outcome unknown");
    }

    @Test
    void aProviderThatGivesNoAnswerInTimeIsAnUnknownOutcome() {
        fake.configure(fake.settings().withTimeoutRate(1));

        assertThatThrownBy(() -> payments.authorize("p-hangs", TEN, "CARD"))
                .isInstanceOf(PaymentProviderUnavailableException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class)
                .hasMessageContaining("no answer")
                .hasMessageContaining(ANSWER_WITHIN.toString());
    }

    @Test
    void aProviderThatCannotBeReachedIsUnavailable() throws IOException {
        URI nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        try (HttpPaymentProvider unreachable = new HttpPaymentProvider(HttpPaymentSettings.of(nobody))) {
            assertThatThrownBy(() -> unreachable.refund("p-nobody"))
                    .isInstanceOf(PaymentProviderUnavailableException.class)
                    .hasMessageContaining("cannot connect");
        }
    }

    @Test
    void anAnswerThatCannotBeReadIsAnUnknownOutcome() throws IOException {
        HttpServer garbled = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        garbled.createContext("/", exchange -> {
            byte[] body = "<html>gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        garbled.start();
        try (HttpPaymentProvider confused = new HttpPaymentProvider(HttpPaymentSettings.of(
                URI.create("http://127.0.0.1:" + garbled.getAddress().getPort())))) {
            assertThatThrownBy(() -> confused.capture("p-garbled"))
                    .isInstanceOf(PaymentProviderUnavailableException.class)
                    .hasMessageContaining("not JSON");
        } finally {
            garbled.stop(0);
        }
    }

    @Test
    void aWaitThatIsInterruptedIsAnUnknownOutcomeAndKeepsTheInterrupt() throws InterruptedException {
        fake.configure(fake.settings().withTimeoutRate(1));
        int before = fake.calls();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch interruptKept = new CountDownLatch(1);
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                payments.capture("p-interrupted");
            } catch (RuntimeException e) {
                failure.set(e);
                if (Thread.currentThread().isInterrupted()) {
                    interruptKept.countDown();
                }
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> fake.calls() > before);

        caller.interrupt();

        assertThat(interruptKept.await(5, TimeUnit.SECONDS)).as("the caller's interrupt flag is kept").isTrue();
        assertThat(failure.get()).isInstanceOf(PaymentProviderUnavailableException.class)
                .hasMessageContaining("abandoned");
    }

    @Test
    void aCaptureThatChargedButWasNotAnsweredIsRetriedWithTheSameIdAndChargesOnce() throws InterruptedException {
        PaymentResilience quick = new PaymentResilience(Duration.ofSeconds(2), 3, Duration.ofMillis(10),
                Duration.ofMillis(20), 50, 10, 10, Duration.ofSeconds(10), 2);
        ResilientPaymentProvider resilient = new ResilientPaymentProvider(payments, quick);
        resilient.authorize("p-lost-answer", TEN, "CARD");
        CountDownLatch hung = fake.hangAfterNextCapture();

        Capture capture = resilient.capture("p-lost-answer");

        assertThat(hung.await(0, TimeUnit.SECONDS)).as("the first capture charged and then hung").isTrue();
        assertThat(capture.amount()).isEqualTo(TEN);
        assertThat(server.ledger().charges()).as("charges after an unanswered capture and its retry")
                .hasSize(1);
        assertThat(server.requests()).containsEntry("capture 200", 1);
    }
}
