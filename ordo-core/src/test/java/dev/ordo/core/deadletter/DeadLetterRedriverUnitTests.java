package dev.ordo.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ordo.core.store.TransientFailures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeadLetterRedriverUnitTests {

    /** Retries are due at once, so a fixed clock sees them due. */
    private static final DeadLetterPolicy AT_ONCE = DeadLetterPolicy.builder().maxAttempts(2)
            .initialDelay(Duration.ZERO).maxDelay(Duration.ZERO).jitter(0).build();

    private final InMemoryDeadLetterStore store = new InMemoryDeadLetterStore(
            Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetterRecorder recorder = new DeadLetterRecorder(store, AT_ONCE, meters);
    private final DeadLetterRedriver redriver = new DeadLetterRedriver(recorder, "redriver:mailer");
    private final Origin mailer = Origin.consumer("mailer");
    private final Logger recorderLog = (Logger) LoggerFactory.getLogger(DeadLetterRecorder.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    DeadLetterRedriverUnitTests() {
        logged.start();
        recorderLog.addAppender(logged);
    }

    @AfterEach
    void detach() {
        recorderLog.detachAppender(logged);
    }

    private static FailedMessage mail(String id) {
        return new FailedMessage(id, "mail.send", "{\"to\":\"a@example.org\"}", null, Map.of());
    }

    private DeadLetter failOnce(String id) {
        return recorder.recordFailure(mailer, "customer-1", mail(id), new IllegalStateException("smtp down"));
    }

    @Test
    void resolvesADueLetterWhoseHandlerSucceeds() {
        DeadLetter letter = failOnce("mail-1");
        List<String> sent = new ArrayList<>();

        List<DeadLetter> after = redriver.runDue(mailer, 10, l -> sent.add(l.message().id()));

        assertThat(sent).containsExactly("mail-1");
        assertThat(after).extracting(DeadLetter::status).containsExactly(DeadLetterStatus.RESOLVED);
        assertThat(store.history(letter.id()).getLast().actor()).isEqualTo("redriver:mailer");
    }

    @Test
    void recordsAnotherAttemptWhenTheHandlerFailsAndParksAfterTheLastWithAnAlarm() {
        failOnce("mail-1");

        List<DeadLetter> after = redriver.runDue(mailer, 10, l -> {
            throw new IllegalStateException("smtp still down");
        });

        assertThat(after).singleElement().satisfies(letter -> {
            assertThat(letter.status()).isEqualTo(DeadLetterStatus.PARKED);
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.failure().message()).isEqualTo("smtp still down");
        });
        assertThat(meters.get("ordo.deadletters.parked").tag("origin", "consumer:mailer").counter().count())
                .isEqualTo(1.0);
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("origin=consumer:mailer", "key=customer-1", "message=mail-1", "attempts=2")
                .contains("smtp still down");
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    }

    @Test
    void aTransientFailureOfTheHandlerIsNoAttemptAndLeavesTheLetterDue() {
        DeadLetter letter = failOnce("mail-1");
        SQLTransientConnectionException outage = new SQLTransientConnectionException("connection refused");

        assertThatThrownBy(() -> redriver.redrive(letter, l -> {
            throw outage;
        })).isInstanceOf(RedriveDeferredException.class).hasCause(outage);

        assertThat(store.get(letter.id()).orElseThrow()).isEqualTo(letter);
        assertThat(store.history(letter.id())).hasSize(1);
        assertThat(TransientFailures.isTransient(new RedriveDeferredException("deferred", outage))).isTrue();
    }

    @Test
    void anErrorOfTheHandlerIsAnAttemptLikeAnException() {
        DeadLetter letter = failOnce("mail-1");

        DeadLetter after = redriver.redrive(letter, l -> {
            throw new StackOverflowError("template recursion");
        });

        assertThat(after.status()).isEqualTo(DeadLetterStatus.PARKED);
        assertThat(after.attempts()).isEqualTo(2);
        assertThat(after.failure().type()).isEqualTo(StackOverflowError.class.getName());
    }

    @Test
    void handsOverOnlyTheDueLettersOfItsOrigin() {
        failOnce("mail-1");
        DeadLetter parked = recorder.recordFailure(mailer, null, mail("mail-2"), new IllegalStateException("x"));
        recorder.recordFailure(mailer, null, mail("mail-2"), new IllegalStateException("x"));
        recorder.recordFailure(Origin.consumer("sms"), null, mail("sms-1"), new IllegalStateException("x"));
        List<String> seen = new ArrayList<>();

        redriver.runDue(mailer, 10, l -> seen.add(l.message().id()));

        assertThat(seen).containsExactly("mail-1");
        assertThat(store.get(parked.id()).orElseThrow().status()).isEqualTo(DeadLetterStatus.PARKED);
    }

    @Test
    void leavesALetterThatAnOperatorDiscardedWhileItsHandlerRan() {
        DeadLetter letter = failOnce("mail-1");

        DeadLetter after = redriver.redrive(letter, l -> store.discard(l.id(), "alice", "sent by hand"));

        assertThat(after.status()).isEqualTo(DeadLetterStatus.DISCARDED);
    }
}
