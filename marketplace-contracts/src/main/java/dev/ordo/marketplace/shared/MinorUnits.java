package dev.ordo.marketplace.shared;

import dev.ordo.marketplace.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;

/**
 * How read models store money and time portably on SQLite and PostgreSQL: amounts as integers in the currency's
 * minor unit (cents), so sums stay exact; instants as epoch milliseconds; days as ISO dates in UTC.
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    public static long toMinor(Money money) {
        return money.amount().movePointRight(money.currency().getDefaultFractionDigits()).longValueExact();
    }

    public static Money toMoney(long minor, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** The UTC day of an instant, as {@code yyyy-MM-dd}. */
    public static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
