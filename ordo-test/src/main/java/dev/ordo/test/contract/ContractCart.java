package dev.ordo.test.contract;

import dev.ordo.core.decider.Decider;
import dev.ordo.test.contract.ContractEvents.CartEvent;
import dev.ordo.test.contract.ContractEvents.CheckedOut;
import dev.ordo.test.contract.ContractEvents.ItemAdded;
import java.math.BigDecimal;
import java.util.List;

/** A tiny decider the contract suites drive through a command handler. */
public final class ContractCart {

    private ContractCart() {
    }

    /** Adds items to a cart, or checks it out. */
    public sealed interface CartCommand {
    }

    public record AddItem(String sku, int quantity) implements CartCommand {
    }

    public record CheckOut(String customer) implements CartCommand {
    }

    /** The cart: how many items and lines it holds, and whether it is checked out. */
    public record Cart(int items, int lines, boolean checkedOut) {
    }

    /** Thrown when a command is sent to a checked-out cart. */
    public static final class CartClosedException extends RuntimeException {
        public CartClosedException(Cart cart) {
            super("rule 'checked-out carts do not change' broken: cart holds " + cart.items() + " items and is checked out");
        }
    }

    public static final Decider<CartCommand, Cart, CartEvent> DECIDER = Decider.of(
            () -> new Cart(0, 0, false),
            (command, cart) -> {
                if (cart.checkedOut()) {
                    throw new CartClosedException(cart);
                }
                return switch (command) {
                    case AddItem add -> List.of(new ItemAdded(add.sku(), add.quantity(), BigDecimal.ONE));
                    case CheckOut out -> List.of(new CheckedOut(out.customer(), "web"));
                };
            },
            (cart, event) -> switch (event) {
                case ItemAdded added -> new Cart(cart.items() + added.quantity(), cart.lines() + 1, false);
                case CheckedOut out -> new Cart(cart.items(), cart.lines(), true);
            });
}
