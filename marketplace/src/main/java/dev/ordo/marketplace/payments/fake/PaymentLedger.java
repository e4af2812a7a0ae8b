package dev.ordo.marketplace.payments.fake;

import dev.ordo.marketplace.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The money a {@link FakePaymentProvider} moved: every charge and refund, in order. Thread-safe. */
public final class PaymentLedger {

    /** Money taken from or given back to a customer. */
    public record Entry(String paymentId, Money amount, Instant at) {
    }

    private final List<Entry> charges = new ArrayList<>();
    private final List<Entry> refunds = new ArrayList<>();

    synchronized void charge(Entry entry) {
        charges.add(entry);
    }

    synchronized void refund(Entry entry) {
        refunds.add(entry);
    }

    /** Every charge (capture), oldest first. */
    public synchronized List<Entry> charges() {
        return List.copyOf(charges);
    }

    /** Every refund, oldest first. */
    public synchronized List<Entry> refunds() {
        return List.copyOf(refunds);
    }

    /** The charges of payments whose id starts with the prefix (for example a saga's id). */
    public synchronized List<Entry> chargesStartingWith(String prefix) {
        return charges.stream().filter(e -> e.paymentId().startsWith(prefix)).toList();
    }

    /** The refunds of payments whose id starts with the prefix. */
    public synchronized List<Entry> refundsStartingWith(String prefix) {
        return refunds.stream().filter(e -> e.paymentId().startsWith(prefix)).toList();
    }

    synchronized void clear() {
        charges.clear();
        refunds.clear();
    }
}
