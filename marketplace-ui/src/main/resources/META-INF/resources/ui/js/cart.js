// The shop's cart: product ids and quantities kept in this browser's localStorage, one cart per signed-in user, so it
// survives a reload and is shared by the user's tabs. Prices are never stored: they come from a fresh quote.

const MAX_QUANTITY = 10000;

/**
 * The cart of the user with this subject. Every change is written through at once; quantities are whole numbers
 * from 1 to 10,000 (the API's limit), anything else is clamped. Not shared between users of one browser.
 */
export function cartOf(subject) {
    const key = 'ordo.cart.' + subject;
    const read = () => {
        try {
            const items = JSON.parse(localStorage.getItem(key) || '[]');
            return Array.isArray(items) ? items.filter(i => i && i.productId && i.quantity > 0) : [];
        } catch (e) {
            return [];
        }
    };
    const write = items => localStorage.setItem(key, JSON.stringify(items));
    const clamp = quantity => Math.min(MAX_QUANTITY, Math.max(1, Math.floor(Number(quantity)) || 1));
    return {
        /** The lines, oldest first: [{productId, quantity}]. */
        items: read,
        /** Adds units of a product (a new line, or more of an existing one). */
        add(productId, quantity = 1) {
            const items = read();
            const line = items.find(i => i.productId === productId);
            if (line) {
                line.quantity = clamp(line.quantity + quantity);
            } else {
                items.push({productId, quantity: clamp(quantity)});
            }
            write(items);
        },
        /** Sets a line's quantity; the product must be in the cart. */
        set(productId, quantity) {
            write(read().map(i => i.productId === productId ? {productId, quantity: clamp(quantity)} : i));
        },
        remove(productId) {
            write(read().filter(i => i.productId !== productId));
        },
        clear() {
            localStorage.removeItem(key);
        },
        /** The key the cart is stored under, to follow changes made in another tab ("storage" events). */
        key
    };
}
