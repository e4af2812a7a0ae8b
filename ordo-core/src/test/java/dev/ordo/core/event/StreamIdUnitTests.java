package dev.ordo.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamIdUnitTests {

    @ParameterizedTest
    @ValueSource(strings = {"order-42", "a", "Order_1.2:x@y+z=w/v", "0123456789", "order-7f3c2a-extra"})
    void acceptsIdsMadeOfAllowedAsciiCharacters(String value) {
        StreamId id = StreamId.of(value);

        assertThat(id.value()).isEqualTo(value);
        assertThat(id).hasToString(value);
    }

    @Test
    void acceptsAnIdOfExactlyTheMaximumLength() {
        String value = "a".repeat(StreamId.MAX_LENGTH);

        StreamId id = StreamId.of(value);

        assertThat(id.value()).hasSize(200);
    }

    @Test
    void buildsAnIdFromACategoryAndAnId() {
        StreamId id = StreamId.of("order", 42);

        assertThat(id.value()).isEqualTo("order-42");
        assertThat(id.category()).isEqualTo("order");
        assertThat(id.idPart()).isEqualTo("42");
    }

    @Test
    void splitsCategoryAndIdPartAtTheFirstDashOnly() {
        StreamId id = StreamId.of("order-7f3c-2a");

        assertThat(id.category()).isEqualTo("order");
        assertThat(id.idPart()).isEqualTo("7f3c-2a");
        assertThat(StreamId.categoryOf("order-7f3c-2a")).isEqualTo("order");
    }

    @Test
    void treatsAnIdWithoutDashAsItsOwnCategoryWithAnEmptyIdPart() {
        StreamId id = StreamId.of("settings");

        assertThat(id.category()).isEqualTo("settings");
        assertThat(id.idPart()).isEmpty();
    }

    @Test
    void treatsAnIdEndingWithADashAsHavingAnEmptyIdPart() {
        StreamId id = StreamId.of("order-");

        assertThat(id.category()).isEqualTo("order");
        assertThat(id.idPart()).isEmpty();
    }

    @Test
    void comparesIdsByTheirValue() {
        StreamId a = StreamId.of("order-1");
        StreamId b = StreamId.of("order-2");

        assertThat(a).isLessThan(b);
        assertThat(a).isEqualTo(StreamId.of("order-1"));
    }

    @Test
    void rejectsANullId() {
        assertThatThrownBy(() -> StreamId.of(null))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessage("invalid stream id null: a stream id is required")
                .extracting(e -> ((InvalidStreamIdException) e).streamId()).isNull();
    }

    @Test
    void rejectsAnEmptyId() {
        assertThatThrownBy(() -> StreamId.of(""))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void rejectsAnIdLongerThanTheMaximumAndAbbreviatesItInTheMessage() {
        String value = "a".repeat(StreamId.MAX_LENGTH + 1);

        assertThatThrownBy(() -> StreamId.of(value))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("at most 200 characters, this one has 201")
                .hasMessageContaining("'" + "a".repeat(57) + "...'")
                .satisfies(e -> assertThat(((InvalidStreamIdException) e).streamId()).isEqualTo(value));
    }

    @Test
    void rejectsAStreamIdStartingWithADollarSign() {
        assertThatThrownBy(() -> StreamId.of("$all"))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("'$all'")
                .hasMessageContaining("reserved for system streams");
    }

    @Test
    void rejectsADollarSignElsewhereAsANotAllowedCharacter() {
        assertThatThrownBy(() -> StreamId.of("order$1"))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("character '$' at index 5 is not allowed");
    }

    @Test
    void rejectsASpaceAndShowsItAsAnEscape() {
        assertThatThrownBy(() -> StreamId.of("order 1"))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("character '\\u0020' at index 5 is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order\t1", "order\n1", "order\u00001", "order\u007f1"})
    void rejectsWhitespaceAndControlCharactersShowingThemAsEscapes(String value) {
        String escape = String.format("\\u%04x", (int) value.charAt(5));

        assertThatThrownBy(() -> StreamId.of(value))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("character '" + escape + "' at index 5 is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ordér-1", "order-€", "order-\uD83D\uDE00", "order-１"})
    void rejectsNonAsciiCharacters(String value) {
        assertThatThrownBy(() -> StreamId.of(value))
                .isInstanceOf(InvalidStreamIdException.class)
                .hasMessageContaining("is not allowed; use ASCII letters, digits");
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThatThrownBy(() -> StreamId.of(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsANullCategory() {
        assertThatThrownBy(() -> StreamId.of(null, 42)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("category");
    }
}
