package dev.ordo.marketplace.ordering;

/**
 * A request to change an order, decided by {@link OrderDecider}.
 *
 * <p>Commands are plain data: they carry their own time (the caller reads its {@code Clock}) and accept any values,
 * so that a bad request is refused by the decider with an {@link OrderRuleViolation} that names the rule. The Bean
 * Validation annotations on their components let a web layer refuse malformed requests early; the decider enforces
 * every rule again. All commands except {@link PlaceOrder} act on the order whose stream they are sent to.
 */
public sealed interface OrderCommand
        permits PlaceOrder, AddItem, RemoveItem, ChangeShippingAddress, PayOrder, ShipOrder, DeliverOrder, CancelOrder {
}
