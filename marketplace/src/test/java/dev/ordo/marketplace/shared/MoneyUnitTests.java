package dev.ordo.marketplace.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordo.jackson.OrdoJson;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyUnitTests {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void equalsTheSameAmountWrittenWithFewerOrMoreZeros() {
        Money ten = Money.of("10.00", "EUR");

        assertThat(Money.of("10.0", "EUR")).isEqualTo(ten).hasSameHashCodeAs(ten);
        assertThat(Money.of("10", "EUR")).isEqualTo(ten);
        assertThat(Money.of("10.000", "EUR")).isEqualTo(ten);
        assertThat(Money.of(new BigDecimal("1E+1"), EUR)).isEqualTo(ten);
        assertThat(ten.amount().scale()).isEqualTo(2);
    }

    @Test
    void holdsAmountsAtTheCurrencysOwnNumberOfDecimals() {
        assertThat(Money.of("1500", "JPY").amount()).isEqualTo(new BigDecimal("1500"));
        assertThat(Money.of("1.5", "KWD").amount()).isEqualTo(new BigDecimal("1.500"));
    }

    @Test
    void refusesAbsurdExponentsQuicklyWithoutLayingTheNumberOut() {
        assertThatThrownBy(() -> Money.of("1e999999999", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 18 digits before the decimal point");
        assertThatThrownBy(() -> Money.of("1e-999999999", "EUR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more decimals than EUR allows");
        assertThat(Money.of("999999999999999999", "EUR").amount().precision()).isEqualTo(20);
    }

    @Test
    void refusesAmountsThatWouldNeedRounding() {
        assertThatThrownBy(() -> Money.of("12.505", "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount 12.505 has more decimals than EUR allows (2); Money never rounds");
        assertThatThrownBy(() -> Money.of("1500.5", "JPY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more decimals than JPY allows (0)");
    }

    @Test
    void refusesCurrenciesWithoutAFixedNumberOfDecimals() {
        assertThatThrownBy(() -> Money.of("1", "XAU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XAU has no fixed number of decimals");
    }

    @Test
    void refusesTextThatIsNoAmountOrNoCurrency() {
        assertThatThrownBy(() -> Money.of("ten", "EUR"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'ten' is not a decimal amount");
        assertThatThrownBy(() -> Money.of("10", "EURO"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'EURO' is not an ISO 4217 currency code");
    }

    @Test
    void requiresAnAmountAndACurrency() {
        assertThatThrownBy(() -> new Money(null, EUR)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void addsAndSubtractsExactlyWithoutBinaryFloatingPointErrors() {
        Money tenCents = Money.of("0.10", "EUR");
        Money twentyCents = Money.of("0.20", "EUR");

        assertThat(tenCents.add(twentyCents)).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(tenCents.subtract(twentyCents)).isEqualTo(Money.of("-0.10", "EUR"));
        assertThat(tenCents.subtract(twentyCents).signum()).isEqualTo(-1);
    }

    @Test
    void multipliesByAWholeFactor() {
        Money price = Money.of("8.90", "EUR");

        assertThat(price.multiply(3)).isEqualTo(Money.of("26.70", "EUR"));
        assertThat(price.multiply(0)).isEqualTo(Money.zero(EUR));
        assertThat(price.multiply(-1)).isEqualTo(Money.of("-8.90", "EUR"));
    }

    @Test
    void refusesArithmeticAcrossCurrenciesWithAMessageNamingBoth() {
        Money euros = Money.of("2.00", "EUR");
        Money dollars = Money.of("1.00", "USD");

        assertThatThrownBy(() -> euros.add(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add 1.00 USD to 2.00 EUR: the currencies differ");
        assertThatThrownBy(() -> euros.subtract(dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot subtract 1.00 USD from 2.00 EUR: the currencies differ");
    }

    @Test
    void zeroHasTheCurrencysDecimals() {
        assertThat(Money.zero(EUR).amount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.zero(EUR).signum()).isZero();
        assertThat(Money.zero(EUR).hasCurrency(EUR)).isTrue();
    }

    @Test
    void printsThePlainAmountAndTheCurrencyCode() {
        assertThat(Money.of("12.5", "EUR")).hasToString("12.50 EUR");
        assertThat(Money.of(new BigDecimal("1E+3"), EUR)).hasToString("1000.00 EUR");
    }

    @Test
    void survivesAJsonRoundTripWithItsCurrencyAsACode() throws Exception {
        Money price = Money.of("12.50", "EUR");

        String json = OrdoJson.mapper().writeValueAsString(price);

        assertThat(json).isEqualTo("{\"amount\":12.50,\"currency\":\"EUR\"}");
        assertThat(OrdoJson.mapper().readValue(json, Money.class)).isEqualTo(price);
        assertThat(OrdoJson.mapper().readValue("{\"amount\":12.5,\"currency\":\"EUR\"}", Money.class))
                .isEqualTo(price);
    }
}
