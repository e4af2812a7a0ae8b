package dev.ordo.marketplace.payments.app;

import dev.ordo.core.bus.command.StreamNaming;
import dev.ordo.core.bus.command.Streams;
import dev.ordo.core.command.CommandHandler;
import dev.ordo.core.command.Loaded;
import dev.ordo.core.event.EventMetadata;
import dev.ordo.core.event.EventSerializer;
import dev.ordo.core.store.EventStore;
import dev.ordo.marketplace.payments.Authorization;
import dev.ordo.marketplace.payments.Capture;
import dev.ordo.marketplace.payments.PaymentCommand;
import dev.ordo.marketplace.payments.RecordAuthorization;
import dev.ordo.marketplace.payments.RecordCapture;
import dev.ordo.marketplace.payments.RecordDecline;
import dev.ordo.marketplace.payments.RecordRefund;
import dev.ordo.marketplace.payments.PaymentDecider;
import dev.ordo.marketplace.payments.PaymentDeclinedException;
import dev.ordo.marketplace.payments.PaymentEvent;
import dev.ordo.marketplace.payments.PaymentProviderUnavailableException;
import dev.ordo.marketplace.payments.PaymentStatus;
import dev.ordo.marketplace.payments.Payments;
import dev.ordo.marketplace.payments.Refund;
import dev.ordo.marketplace.shared.Money;
import dev.ordo.marketplace.shared.OrderId;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes and refunds the payments of orders: calls the provider (through {@link ResilientPaymentProvider}) and
 * records each outcome on the order's stream {@code payment-<orderId>} ({@code payment.authorized},
 * {@code payment.captured}, {@code payment.refunded}, {@code payment.declined}).
 *
 * <p>Idempotent by payment id: the provider moves money once per id, and an outcome already recorded is not
 * recorded again, so a caller that retries, or runs again after a crash, with the same id charges the customer once.
 * Thread-safe.
 */
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    /** The payments of each order, on {@code payment-<orderId>}. */
    public static final StreamNaming<OrderId, PaymentCommand> PAYMENTS = StreamNaming.of("payment");

    private final ResilientPaymentProvider provider;
    private final Streams<OrderId, PaymentCommand, Payments, PaymentEvent> streams;
    private final Clock clock;

    public PaymentService(ResilientPaymentProvider provider, EventStore store, EventSerializer serializer,
                          Clock clock) {
        this.provider = provider;
        this.clock = clock;
        this.streams = new Streams<>(PAYMENTS, CommandHandler
                .builder(new PaymentDecider(), PaymentEvent.class, store, serializer)
                .retryOnConflict(command -> true, 3)
                .build());
    }

    /**
     * Authorizes and captures {@code amount} for the order.
     *
     * @return the charge (also when this payment id was charged before: nothing is charged twice)
     * @throws PaymentDeclinedException            when the provider declined (recorded; final)
     * @throws PaymentProviderUnavailableException when the provider failed, timed out or its circuit breaker is
     *                                             open; the same call may succeed later
     */
    public Charge charge(OrderId orderId, String paymentId, Money amount, String method, EventMetadata metadata) {
        Optional<Payments.Payment> known = streams.load(orderId).state().payment(paymentId);
        if (known.isPresent() && known.get().status() == PaymentStatus.CAPTURED) {
            return new Charge(paymentId, known.get().reference(), known.get().amount());
        }
        String reference = switch (provider.authorize(paymentId, amount, method)) {
            case Authorization.Approved approved -> {
                record(new RecordAuthorization(orderId, paymentId, approved.amount(), method, approved.reference(),
                        clock.instant()), metadata);
                yield approved.reference();
            }
            case Authorization.Declined declined -> {
                record(new RecordDecline(orderId, paymentId, amount, method, declined.reason(), clock.instant()),
                        metadata);
                throw new PaymentDeclinedException(paymentId, declined.reason());
            }
        };
        Capture capture = provider.capture(paymentId);
        record(new RecordCapture(orderId, paymentId, clock.instant()), metadata);
        return new Charge(paymentId, reference, capture.amount());
    }

    /**
     * Refunds a payment, or voids its authorization; nothing happens when the provider holds nothing for it.
     *
     * @return the amount given back, empty when there was nothing to refund
     * @throws PaymentProviderUnavailableException as for {@link #charge}
     */
    public Optional<Money> refund(OrderId orderId, String paymentId, EventMetadata metadata) {
        return switch (provider.refund(paymentId)) {
            case Refund.Refunded refunded -> {
                record(new RecordRefund(orderId, paymentId, refunded.amount(), clock.instant()), metadata);
                yield Optional.of(refunded.amount());
            }
            case Refund.NothingToRefund nothing -> Optional.empty();
        };
    }

    /**
     * Gives back what the payment took: {@link #refund}, except that when the provider cannot be reached and the
     * payment was never recorded as authorized or captured, nothing was taken ({@link #charge} asks for a capture only
     * after it recorded the authorization), so there is nothing to give back; an authorization the provider may hold
     * lapses there. The caller must make sure no charge of the same payment id still runs (a saga engine waits for an
     * abandoned charge to stop; a participant endpoint handles an order's requests one after the other).
     *
     * @return the amount given back, empty when there was nothing to give back
     * @throws PaymentProviderUnavailableException when the provider cannot be reached and money may have been taken
     */
    public Optional<Money> giveBack(OrderId orderId, String paymentId, EventMetadata metadata) {
        try {
            return refund(orderId, paymentId, metadata);
        } catch (PaymentProviderUnavailableException unavailable) {
            if (mayHoldMoney(orderId, paymentId)) {
                throw unavailable;
            }
            log.warn("payment {} of order {} holds no money and the provider cannot be reached to void it ({}): "
                    + "nothing to give back", paymentId, orderId, unavailable.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the payment was recorded as authorized or captured (and not refunded since). */
    private boolean mayHoldMoney(OrderId orderId, String paymentId) {
        return load(orderId).state().payment(paymentId)
                .map(p -> p.status() == PaymentStatus.AUTHORIZED || p.status() == PaymentStatus.CAPTURED)
                .orElse(false);
    }

    /** The order's payments as recorded. */
    public Loaded<Payments> load(OrderId orderId) {
        return streams.load(orderId);
    }

    private void record(PaymentCommand command, EventMetadata metadata) {
        streams.handle(command.orderId(), command, metadata);
    }
}
