package dev.ordo.marketplace.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency.
 *
 * <p>The amount is always held at the currency's number of minor-unit digits (two for EUR, zero for JPY), so
 * {@code 10}, {@code 10.0} and {@code 10.00} EUR are the same value and compare equal. An amount that would need
 * rounding to fit, such as {@code 12.505} EUR, is refused rather than rounded: prices and payments must be exact.
 * Amounts may be negative or zero (a difference of two amounts can be); whether a negative amount is acceptable
 * is a domain rule, not Money's. Arithmetic never goes through {@code double}.
 *
 * <p>Immutable and thread-safe. As a record with a canonical constructor it (de)serializes with Jackson as
 * {@code {"amount":12.50,"currency":"EUR"}}.
 *
 * @param amount   the amount, normalised to the currency's fraction digits
 * @param currency the ISO 4217 currency; only currencies with a fixed number of fraction digits are accepted
 * @throws NullPointerException     when amount or currency is null
 * @throws IllegalArgumentException when the amount has more decimals than the currency allows, more than
 *                                  {@value #MAX_INTEGER_DIGITS} digits before the decimal point, or the currency has
 *                                  no fixed number of fraction digits (such as XAU, gold)
 */
public record Money(BigDecimal amount, Currency currency) {

    /** The most digits before the decimal point an amount may have: far beyond any price, a guard against absurd input. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most decimals an amount is even looked at with; more can never fit a currency without rounding. */
    private static final int MAX_SCALE = 100;

    public Money {
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(currency, "currency is required");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
                    + " has no fixed number of decimals and cannot be used for money");
        }
        amount = normalise(amount, digits, currency);
    }

    /**
     * Money from a decimal text and an ISO 4217 code, for example {@code Money.of("12.50", "EUR")}.
     *
     * @throws IllegalArgumentException when the text is not a decimal number, the code is not a known currency, or
     *                                  the amount has more decimals than the currency allows
     */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(currencyCode, "currency code is required");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + amount + "' is not a decimal amount", e);
        }
        return new Money(value, currency(currencyCode));
    }

    /** Money from an exact amount and a currency; see the class contract for what is refused. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The sum of both amounts.
     *
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money add(Money other) {
        requireSameCurrency(other, "add", "to");
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * This amount minus the other; the result may be negative.
     *
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money subtract(Money other) {
        requireSameCurrency(other, "subtract", "from");
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times a whole factor, such as a quantity; exact, the result may be zero or negative. */
    public Money multiply(int factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** {@code -1}, {@code 0} or {@code 1} as the amount is negative, zero or positive. */
    public int signum() {
        return amount.signum();
    }

    /** True when both amounts are in the same currency. */
    public boolean hasCurrency(Currency other) {
        return currency.equals(other);
    }

    /** The amount and the currency code, for example {@code 12.50 EUR}; used in rule violation messages. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other, String operation, String preposition) {
        Objects.requireNonNull(other, "other amount is required");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot " + operation + " " + other + " " + preposition + " " + this
                    + ": the currencies differ");
        }
    }

    private static BigDecimal normalise(BigDecimal amount, int digits, Currency currency) {
        // checked before anything expands the number: 1e999999999 is short to write and huge to lay out
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount " + amount + " has more than " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        if (amount.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("amount " + amount + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + digits + "); Money never rounds");
        }
        try {
            return amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + digits + "); Money never rounds", e);
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code", e);
        }
    }
}
