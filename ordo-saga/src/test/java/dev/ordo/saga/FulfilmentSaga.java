package dev.ordo.saga;

import dev.ordo.jackson.JacksonStateCodec;
import java.time.Duration;

/** A four-step test saga over a {@link Ledger}: reserve, pay, ship, confirm; each but confirm can be undone. */
final class FulfilmentSaga {

    record Data(String order, String reservation, String payment, String shipment) {
        Data with(String step, String value) {
            return switch (step) {
                case "reserve" -> new Data(order, value, payment, shipment);
                case "pay" -> new Data(order, reservation, value, shipment);
                case "ship" -> new Data(order, reservation, payment, value);
                default -> this;
            };
        }
    }

    static final StepRetry FAST = StepRetry.ofDefaults().withBackoff(Duration.ofMillis(5), 2, Duration.ofMillis(40));

    private FulfilmentSaga() {
    }

    static SagaDefinition<Data> definition(Ledger ledger, Duration timeout) {
        return SagaDefinition.builder("fulfilment", JacksonStateCodec.of(Data.class, 1))
                .step(step(ledger, "reserve", true, timeout))
                .step(step(ledger, "pay", true, timeout))
                .step(step(ledger, "ship", true, timeout))
                .step(step(ledger, "confirm", false, timeout))
                .build();
    }

    static SagaStep<Data> step(Ledger ledger, String name, boolean undoable, Duration timeout) {
        SagaStep.Builder<Data> builder = SagaStep.<Data>named(name)
                .action(context -> {
                    String result = ledger.call(name, context.invocationId());
                    return StepOutcome.done(data -> data.with(name, result));
                })
                .timeout(timeout)
                .retry(FAST);
        if (undoable) {
            builder.compensation(context -> {
                ledger.undo(name, "undo-" + name, context.invocationId());
                return context.data().with(name, null);
            });
        }
        return builder.build();
    }
}
