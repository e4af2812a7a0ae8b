package dev.ordo.marketplace.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CancellationReasonsUnitTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "step take-payment failed: NonRetryableStepException: payment declined: card declined | payment declined: card declined",
            "step reserve-stock failed: NonRetryableStepException: insufficient stock for Oak Cutting Board: 3 available, 5 requested | insufficient stock for Oak Cutting Board: 3 available, 5 requested",
            "step take-payment failed: PaymentProviderUnavailableException: payment service unavailable: 503 | payment service unavailable: 503",
            "step create-shipment timed out: no result within PT30S | order fulfilment timed out at step create-shipment: no result within PT30S",
            "step reserve-stock has an unknown outcome: attempt 1 was cut short 11 times in a row (a crash or shutdown each time) | order fulfilment gave up at step reserve-stock: attempt 1 was cut short 11 times in a row (a crash or shutdown each time)",
            "cancelled: customer changed their mind | fulfilment cancelled: customer changed their mind",
            "something odd | order fulfilment failed: something odd"})
    void namesWhyTheFulfilmentFailedInTheOrdersCancellationReason(String failure, String reason) {
        assertThat(CancellationReasons.from(failure)).isEqualTo(reason);
    }
}
