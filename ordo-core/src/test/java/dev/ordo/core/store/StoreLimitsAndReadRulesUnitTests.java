package dev.ordo.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.core.event.StreamId;
import org.junit.jupiter.api.Test;

class StoreLimitsAndReadRulesUnitTests {

    @Test
    void defaultsToOneMebibytePerPayloadAndTenThousandEventsPerAppend() {
        assertThat(StoreLimits.defaults()).isEqualTo(new StoreLimits(1_048_576, 10_000));
    }

    @Test
    void changesOneLimitAtATime() {
        StoreLimits limits = StoreLimits.defaults().withMaxPayloadBytes(10).withMaxEventsPerAppend(2);

        assertThat(limits).isEqualTo(new StoreLimits(10, 2));
    }

    @Test
    void refusesLimitsBelowOne() {
        assertThatThrownBy(() -> new StoreLimits(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPayloadBytes");
        assertThatThrownBy(() -> new StoreLimits(1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEventsPerAppend");
    }

    @Test
    void acceptsPageSizesFromOneToTheMaximum() {
        assertThatCode(() -> ReadRules.checkLimit(1)).doesNotThrowAnyException();
        assertThatCode(() -> ReadRules.checkLimit(EventReader.MAX_PAGE)).doesNotThrowAnyException();
    }

    @Test
    void refusesPageSizesOutsideTheRange() {
        assertThatThrownBy(() -> ReadRules.checkLimit(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asked for 0");
        assertThatThrownBy(() -> ReadRules.checkLimit(EventReader.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("asked for 10001");
    }

    @Test
    void refusesNegativeStartsAndMissingArguments() {
        StreamId stream = StreamId.of("order-1");

        assertThatThrownBy(() -> ReadRules.checkStreamRead(stream, ReadDirection.FORWARDS, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromVersion must be 0 or more");
        assertThatThrownBy(() -> ReadRules.checkStreamRead(stream, null, 1, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadRules.checkAllRead(-1, 10, EventFilter.all()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromPosition must be 0 or more");
        assertThatThrownBy(() -> ReadRules.checkAllRead(1, 10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EventFilter.all()");
    }

    @Test
    void listsTheContiguousPositionsOfAnAppend() {
        AppendResult result = new AppendResult(7, 20, 22);

        assertThat(result.positions()).containsExactly(20L, 21L, 22L);
        assertThat(result.eventCount()).isEqualTo(3);
    }
}
