// The customer's shop: the catalog by producer, the cart with a live quote (prices and stock as the API sees them
// now), the shipping address, and placing the order.

import {api, el, header, message, money, requireUser, showError} from '/ui/js/ordo.js';
import {cartOf} from '/ui/js/cart.js';
import {placeOrder} from '/ui/js/placement.js';

const ADDRESS_FIELDS = ['street', 'city', 'postalCode', 'country'];

/** Starts the page for the signed-in customer; anyone else is sent away by requireUser. */
export async function startShop() {
    const current = requireUser('customer');
    header(current, 'shop');
    const cart = cartOf(current.subject);
    const products = new Map();
    const address = addressForm(current.subject);
    const renderCart = cartView(cart, products);

    document.getElementById('place-order').addEventListener('click', () => place(current, cart, address));
    document.getElementById('address-form').addEventListener('submit', event => event.preventDefault());
    window.addEventListener('storage', event => {
        if (event.key === cart.key) {
            renderCart();
        }
    });
    try {
        const all = await api('/catalog/products?available=true');
        all.forEach(p => products.set(p.productId, p));
        renderCatalog(all, productId => {
            cart.add(productId);
            renderCart();
        });
    } catch (e) {
        showError(e);
    }
    renderCart();
}

/** The catalog as one card per producer, products by name, each with its price and an "Add to cart" button. */
function renderCatalog(products, onAdd) {
    const byProducer = new Map();
    for (const p of products) {
        if (!byProducer.has(p.producerId)) {
            byProducer.set(p.producerId, {name: p.producerName, products: []});
        }
        byProducer.get(p.producerId).products.push(p);
    }
    const producers = [...byProducer.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name));
    document.getElementById('catalog').replaceChildren(...(producers.length ? producers.map(([id, producer]) =>
        el('section', {class: 'card producer', 'data-producer-id': id}, el('h2', {}, producer.name),
            el('div', {class: 'products'}, producer.products.map(p =>
                el('article', {class: 'product', 'data-product-id': p.productId},
                    el('h3', {}, p.name),
                    p.description ? el('p', {class: 'muted'}, p.description) : '',
                    el('div', {class: 'buy'}, el('span', {class: 'price'}, money(p.price, p.currency)),
                        el('button', {type: 'button', class: 'primary add', onclick: () => onAdd(p.productId)},
                            'Add to cart'))))))) : [el('p', {class: 'muted'}, 'Nothing is on sale right now.')]));
}

/**
 * The cart's table, re-rendered from storage on every change, then completed by a quote. Quotes are asked one after
 * the other as the cart changes; an answer that a newer request overtook is dropped. A refused quote (a product no
 * longer on sale) is shown until a quote of the changed cart succeeds.
 */
function cartView(cart, products) {
    let asked = 0;
    let refused = false;
    const render = async () => {
        const items = cart.items();
        const request = ++asked;
        drawLines(cart, items, products, null, render);
        document.getElementById('place-order').disabled = items.length === 0;
        if (!items.length) {
            return;
        }
        try {
            const quote = await api('/orders/quote', {method: 'POST', body: {items}});
            if (request === asked) {
                drawLines(cart, items, products, quote, render);
                if (refused) {
                    refused = false;
                    document.getElementById('messages').replaceChildren();
                }
            }
        } catch (e) {
            if (request === asked) {
                refused = true;
                showError(e);
            }
        }
    };
    return render;
}

function drawLines(cart, items, products, quote, changed) {
    const quoted = new Map((quote ? quote.lines : []).map(line => [line.productId, line]));
    document.getElementById('cart-lines').replaceChildren(...items.map(item => {
        const line = quoted.get(item.productId);
        const product = products.get(item.productId);
        const name = line ? line.productName : product ? product.name : item.productId;
        const quantity = el('input', {type: 'number', class: 'quantity', min: 1, max: 10000, value: item.quantity,
            'aria-label': 'Quantity of ' + name});
        quantity.addEventListener('change', () => {
            cart.set(item.productId, quantity.value);
            changed();
        });
        const unitPrice = line ? money(line.unitPrice) : product ? money(product.price, product.currency) : '';
        return el('tr', {'data-product-id': item.productId},
            el('td', {class: 'name'}, name, el('small', {class: 'unit-price'}, unitPrice ? unitPrice + ' each' : '')),
            el('td', {}, quantity),
            el('td', {class: 'number subtotal'}, line ? money(line.subtotal) : ''),
            el('td', {class: 'stock' + (line && !line.inStock ? ' short' : '')},
                !line ? '' : line.inStock ? 'in stock' : line.available + ' available'),
            el('td', {}, el('button', {type: 'button', class: 'remove', title: 'Remove ' + name,
                'aria-label': 'Remove ' + name, onclick: () => {
                    cart.remove(item.productId);
                    changed();
                }}, '×')));
    }));
    document.getElementById('cart-empty').hidden = items.length > 0;
    document.getElementById('cart-total').textContent = quote ? money(quote.total) : '';
    const stock = document.getElementById('stock-note');
    stock.hidden = !quote || quote.inStock;
    stock.textContent = 'Not everything is in stock: the order would be cancelled for the missing units.';
}

/** The shipping address fields, remembered in this browser for the next order. */
function addressForm(subject) {
    const key = 'ordo.address.' + subject;
    const saved = JSON.parse(localStorage.getItem(key) || '{}');
    for (const field of ADDRESS_FIELDS) {
        document.getElementById(field).value = saved[field] || '';
    }
    return {
        value() {
            const address = Object.fromEntries(ADDRESS_FIELDS.map(f => [f, document.getElementById(f).value.trim()]));
            localStorage.setItem(key, JSON.stringify(address));
            return address;
        }
    };
}

async function place(current, cart, address) {
    const button = document.getElementById('place-order');
    const items = cart.items();
    if (!items.length) {
        message('problem', 'The cart is empty.');
        return;
    }
    markInvalid([]);
    button.disabled = true;
    message('info', 'Placing the order…');
    try {
        const order = await placeOrder({customerId: current.customerId, items, shippingAddress: address.value()});
        cart.clear();
        location.href = '/ui/order.html?id=' + encodeURIComponent(order.orderId);
    } catch (e) {
        showError(e);
        markInvalid((e.problem && e.problem.errors) || []);
        button.disabled = false;
    }
}

/** Marks the address inputs the API named in its problem's field errors (shippingAddress.city, ...). */
function markInvalid(errors) {
    const named = new Set(errors.map(e => String(e.field || '').replace(/^shippingAddress\./, '')));
    for (const field of ADDRESS_FIELDS) {
        document.getElementById(field).setAttribute('aria-invalid', named.has(field) ? 'true' : 'false');
    }
}
