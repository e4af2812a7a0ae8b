package dev.ordo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventMetadataUnitTests {

    private final EventMetadata full = new EventMetadata("corr", "cause", "alice", "00-trace-01", Map.of("tenant", "t1"));

    @Test
    void startsEmpty() {
        EventMetadata empty = EventMetadata.empty();

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.extra()).isEmpty();
        assertThat(empty.correlationId()).isNull();
    }

    @Test
    void replacesOnlyTheCorrelationId() {
        EventMetadata changed = full.withCorrelationId("corr-2");

        assertThat(changed).isEqualTo(new EventMetadata("corr-2", "cause", "alice", "00-trace-01", Map.of("tenant", "t1")));
        assertThat(full.correlationId()).isEqualTo("corr");
    }

    @Test
    void replacesOnlyTheCausationId() {
        EventMetadata changed = full.withCausationId("cause-2");

        assertThat(changed).isEqualTo(new EventMetadata("corr", "cause-2", "alice", "00-trace-01", Map.of("tenant", "t1")));
    }

    @Test
    void replacesOnlyTheActor() {
        EventMetadata changed = full.withActor("bob");

        assertThat(changed).isEqualTo(new EventMetadata("corr", "cause", "bob", "00-trace-01", Map.of("tenant", "t1")));
    }

    @Test
    void replacesOnlyTheTraceParent() {
        EventMetadata changed = full.withTraceParent("00-other-01");

        assertThat(changed).isEqualTo(new EventMetadata("corr", "cause", "alice", "00-other-01", Map.of("tenant", "t1")));
    }

    @Test
    void addsAnExtraHeaderWithoutChangingTheOriginal() {
        EventMetadata changed = full.with("region", "eu");

        assertThat(changed.extra()).containsExactlyInAnyOrderEntriesOf(Map.of("tenant", "t1", "region", "eu"));
        assertThat(changed.actor()).isEqualTo("alice");
        assertThat(full.extra()).containsOnlyKeys("tenant");
    }

    @Test
    void replacesAnExtraHeaderOfTheSameKey() {
        EventMetadata changed = full.with("tenant", "t2");

        assertThat(changed.extra()).containsExactlyEntriesOf(Map.of("tenant", "t2"));
    }

    @Test
    void refusesANullExtraKeyOrValue() {
        assertThatThrownBy(() -> full.with(null, "v")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> full.with("k", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void copiesTheExtraMapSoLaterChangesToTheSourceDoNotLeakIn() {
        Map<String, String> source = new HashMap<>(Map.of("tenant", "t1"));
        EventMetadata metadata = new EventMetadata(null, null, null, null, source);

        source.put("tenant", "changed");
        source.put("other", "x");

        assertThat(metadata.extra()).containsExactlyEntriesOf(Map.of("tenant", "t1"));
    }

    @Test
    void exposesAnImmutableExtraMap() {
        EventMetadata metadata = EventMetadata.empty().with("tenant", "t1");

        assertThatThrownBy(() -> metadata.extra().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> EventMetadata.empty().extra().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void turnsANullExtraMapIntoAnEmptyOne() {
        EventMetadata metadata = new EventMetadata("corr", null, null, null, null);

        assertThat(metadata.extra()).isNotNull().isEmpty();
    }

    @Test
    void isNotEmptyWhenAnySingleFieldIsSet() {
        EventMetadata empty = EventMetadata.empty();

        assertThat(empty.withCorrelationId("c").isEmpty()).isFalse();
        assertThat(empty.withCausationId("c").isEmpty()).isFalse();
        assertThat(empty.withActor("a").isEmpty()).isFalse();
        assertThat(empty.withTraceParent("t").isEmpty()).isFalse();
        assertThat(empty.with("k", "v").isEmpty()).isFalse();
    }

    @Test
    void isEmptyWhenBuiltWithNullsAndAnEmptyMap() {
        EventMetadata metadata = new EventMetadata(null, null, null, null, new HashMap<>());

        assertThat(metadata.isEmpty()).isTrue();
        assertThat(metadata).isEqualTo(EventMetadata.empty());
    }
}
