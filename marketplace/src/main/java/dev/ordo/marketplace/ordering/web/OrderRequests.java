package dev.ordo.marketplace.ordering.web;

import dev.ordo.marketplace.ordering.PaymentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The bodies of the order endpoints; malformed ones are refused with 400 and the failing fields. */
final class OrderRequests {

    /** The most digits of a payment before the point: 100 lines of 10,000 units at the largest price fit. */
    static final int AMOUNT_INTEGER_DIGITS = 15;
    /** The most digits of an amount after the point: no ISO 4217 currency has more minor-unit digits. */
    static final int AMOUNT_FRACTION_DIGITS = 4;

    private OrderRequests() {
    }

    /** Places an order; names and prices come from the catalog. */
    record PlaceOrderRequest(@NotNull UUID customerId, @NotEmpty @Size(max = 100) List<@NotNull @Valid Item> items,
                             @NotNull @Valid Address shippingAddress) {
    }

    /** Prices items as an order of them would be priced now, and says whether the stock covers them. */
    record QuoteRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid Item> items) {
    }

    record Item(@NotNull UUID productId, @Positive @Max(10_000) int quantity) {
    }

    record Address(@NotBlank @Size(max = 200) String street, @NotBlank @Size(max = 100) String city,
                   @NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 60) String country) {
    }

    /**
     * Pays an order. The amount is bounded here, before anything expands it: at most {@value #AMOUNT_INTEGER_DIGITS}
     * digits before the point (an order's largest total) and {@value #AMOUNT_FRACTION_DIGITS} after it (the most any
     * currency has); {@code 1e999999999} is a short text but a billion digits in plain form.
     */
    record PaymentRequest(@NotNull @PositiveOrZero
                          @Digits(integer = AMOUNT_INTEGER_DIGITS, fraction = AMOUNT_FRACTION_DIGITS) BigDecimal amount,
                          @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
                          String currency,
                          @NotNull PaymentMethod method, @NotBlank @Size(max = 100) String reference) {
    }

    record ShipmentRequest(@NotBlank @Size(max = 100) String trackingNumber, @NotBlank @Size(max = 100) String carrier) {
    }

    record CancellationRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
