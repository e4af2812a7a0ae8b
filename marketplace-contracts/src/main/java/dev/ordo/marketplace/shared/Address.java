package dev.ordo.marketplace.shared;

import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;

/**
 * A postal address.
 *
 * <p>Every field is required and must not be blank, but the record itself accepts anything so that an incomplete
 * address arriving in a command can be refused by the domain with a rule violation that names the missing fields
 * (see {@link #missingFields()}). Equality is exact, field by field.
 *
 * @param street     street and house number
 * @param city       city or town
 * @param postalCode postal or ZIP code
 * @param country    country name or ISO code
 */
public record Address(@NotBlank String street, @NotBlank String city, @NotBlank String postalCode,
                      @NotBlank String country) {

    /**
     * The names of the fields that are null or blank, in declaration order; empty when the address is complete.
     */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>(4);
        addIfBlank(missing, "street", street);
        addIfBlank(missing, "city", city);
        addIfBlank(missing, "postalCode", postalCode);
        addIfBlank(missing, "country", country);
        return List.copyOf(missing);
    }

    /** The address on one line, for example {@code Main St 1, 10115 Berlin, DE}. */
    @Override
    public String toString() {
        return street + ", " + postalCode + " " + city + ", " + country;
    }

    private static void addIfBlank(List<String> missing, String name, String value) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }
}
