package dev.ordo.marketplace.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressUnitTests {

    @Test
    void namesNoMissingFieldWhenTheAddressIsComplete() {
        assertThat(new Address("Main Street 1", "Berlin", "10115", "DE").missingFields()).isEmpty();
    }

    @Test
    void namesEveryNullOrBlankFieldInDeclarationOrder() {
        assertThat(new Address(" ", "Berlin", null, "").missingFields())
                .containsExactly("street", "postalCode", "country");
    }

    @Test
    void printsOnOneLine() {
        assertThat(new Address("Main Street 1", "Berlin", "10115", "DE")).hasToString("Main Street 1, 10115 Berlin, DE");
    }
}
