package dev.ordo.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.saga.InMemorySagaIndex;
import dev.ordo.core.saga.SagaStatus;
import dev.ordo.core.store.InMemoryEventStore;
import dev.ordo.core.trace.InMemoryTracing;
import dev.ordo.jackson.JacksonStateCodec;
import dev.ordo.saga.FulfilmentSaga.Data;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The steps of a saga continue the trace it was started in, whichever thread runs them, and hand their own on. */
class SagaTracingUnitTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String START = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final Map<String, EventMetadata> written = new ConcurrentHashMap<>();

    private SagaEngine engine(SagaDefinition<?> definition) {
        return SagaEngine.builder(store, new InMemorySagaIndex()).register(definition).tracing(tracing)
                .pollInterval(Duration.ofMillis(20)).build();
    }

    /** A step that records the metadata it would write its effects with, and succeeds or fails as told. */
    private SagaStep<Data> step(String name, boolean fails) {
        return SagaStep.<Data>named(name)
                .action(context -> {
                    written.put(name, context.metadata());
                    if (fails) {
                        throw new NonRetryableStepException(name + " is refused");
                    }
                    return StepOutcome.done();
                })
                .compensation(context -> {
                    written.put("undo-" + name, context.metadata());
                    return context.data();
                })
                .retry(FulfilmentSaga.FAST).timeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void eachStepRunsInASpanOfTheStartsTraceAndWritesWithThatSpansContext() throws InterruptedException {
        SagaDefinition<Data> saga = SagaDefinition.builder("booking", JacksonStateCodec.of(Data.class, 1))
                .step(step("reserve", false)).step(step("pay", false)).build();
        UUID id = UUID.randomUUID();
        try (SagaEngine engine = engine(saga)) {
            engine.start(saga, id, new Data("o-1", null, null, null), EventMetadata.empty().withTraceParent(START));

            assertThat(engine.await(id, WAIT, SagaStatus.COMPLETED).status()).isEqualTo(SagaStatus.COMPLETED);
        }

        for (String name : List.of("reserve", "pay")) {
            InMemoryTracing.Span step = tracing.named("step booking/" + name).getFirst();
            assertThat(step.traceId()).isEqualTo(TRACE);
            assertThat(step.parentSpanId()).as("the span of the saga's start").isEqualTo("00f067aa0ba902b7");
            assertThat(step.tags()).containsEntry("ordo.saga.step", name)
                    .containsEntry("ordo.saga.invocation", id + ":" + name).containsEntry("ordo.saga.attempt", "1");
            assertThat(written.get(name).traceParent()).isEqualTo(step.traceParent());
            assertThat(written.get(name).causationId()).isEqualTo(id + ":" + name);
        }
    }

    @Test
    void aFailedStepMarksItsSpanAndTheCompensationsContinueTheSameTrace() throws InterruptedException {
        SagaDefinition<Data> saga = SagaDefinition.builder("booking", JacksonStateCodec.of(Data.class, 1))
                .step(step("reserve", false)).step(step("pay", true)).build();
        UUID id = UUID.randomUUID();
        try (SagaEngine engine = engine(saga)) {
            engine.start(saga, id, new Data("o-2", null, null, null), EventMetadata.empty().withTraceParent(START));

            assertThat(engine.await(id, WAIT, SagaStatus.COMPENSATED).status()).isEqualTo(SagaStatus.COMPENSATED);
        }

        assertThat(tracing.named("step booking/pay").getFirst().error()).hasMessage("pay is refused");
        InMemoryTracing.Span undo = tracing.named("compensate booking/reserve").getFirst();
        assertThat(undo.traceId()).isEqualTo(TRACE);
        assertThat(written.get("undo-reserve").traceParent()).isEqualTo(undo.traceParent());
    }

    @Test
    void aRemoteCallsRequestCarriesItsStepsTraceToTheParticipantWhichContinuesIt() throws InterruptedException {
        Map<String, String> seenByParticipant = new ConcurrentHashMap<>();
        try (InProcessStepChannel channel = InProcessStepChannel.builder().tracing(tracing)
                .handle(String.class, (payload, request) -> {
                    seenByParticipant.put("request", request.traceParent());
                    seenByParticipant.put("metadata", request.metadata().traceParent());
                    seenByParticipant.put("current", tracing.current());
                    return "DHL-42";
                }).build()) {
            SagaDefinition<Data> saga = SagaDefinition.builder("booking", JacksonStateCodec.of(Data.class, 1))
                    .step(SagaStep.<Data>named("book-carrier").call(new RemoteCall<>(channel,
                            context -> "book a parcel", String.class, (data, tracking) -> data.with("ship", tracking),
                            Duration.ofMinutes(1))).build())
                    .build();
            UUID id = UUID.randomUUID();
            try (SagaEngine engine = engine(saga)) {
                channel.connect(engine::reply);
                engine.start(saga, id, new Data("o-3", null, null, null), EventMetadata.empty().withTraceParent(START));

                assertThat(engine.await(id, WAIT, SagaStatus.COMPLETED).status()).isEqualTo(SagaStatus.COMPLETED);
            }
        }

        InMemoryTracing.Span step = tracing.named("step booking/book-carrier").getFirst();
        InMemoryTracing.Span participant = await().atMost(WAIT)
                .until(() -> tracing.named("participant booking/book-carrier"), spans -> !spans.isEmpty()).getFirst();
        assertThat(participant.parentSpanId()).isEqualTo(step.spanId());
        assertThat(seenByParticipant).containsEntry("request", participant.traceParent())
                .containsEntry("metadata", participant.traceParent()).containsEntry("current", participant.traceParent());
    }
}
