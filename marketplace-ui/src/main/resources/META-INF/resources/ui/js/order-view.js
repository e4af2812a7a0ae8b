// An order as the API shows it (an OrderView: now, or as it was at a past version) rendered for people. Pure
// rendering: no requests, no state.

import {el, money, when} from '/ui/js/ordo.js';

/** An order's status as a coloured pill (css: .status.<STATUS>). */
export function statusPill(status) {
    return el('span', {class: 'status ' + status}, status);
}

/**
 * The order's figures, lines, address, payment, shipment and cancellation as elements with stable classes
 * (.status, .total, .lines, .address, .payment, .shipment, .delivered, .cancellation .reason), the parts the order
 * does not have left out.
 */
export function orderDetails(order) {
    const address = order.shippingAddress || {};
    const c = order.cancellation;
    return [
        el('div', {class: 'figures'},
            figure('Status', statusPill(order.status)),
            figure('Total', el('span', {class: 'total'}, money(order.total))),
            figure('Placed', el('span', {class: 'placed'}, when(order.placedAt))),
            figure('Version', el('span', {class: 'version'}, order.version))),
        c ? el('p', {class: 'problem cancellation'}, 'Cancelled ', when(c.cancelledAt), ' (was ', c.cancelledFrom,
            '): ', el('span', {class: 'reason'}, c.reason)) : '',
        el('table', {class: 'lines'},
            el('thead', {}, el('tr', {}, el('th', {}, 'Product'), el('th', {class: 'number'}, 'Quantity'),
                el('th', {class: 'number'}, 'Unit price'), el('th', {class: 'number'}, 'Subtotal'))),
            el('tbody', {}, (order.lines || []).map(line => el('tr', {'data-product-id': line.productId},
                el('td', {class: 'name'}, line.productName), el('td', {class: 'number quantity'}, line.quantity),
                el('td', {class: 'number'}, money(line.unitPrice)), el('td', {class: 'number'}, money(line.subtotal)))))),
        el('div', {class: 'grid facts'},
            fact('Shipping address', 'address', [address.street, address.postalCode + ' ' + address.city,
                address.country].join(', ')),
            order.payment ? fact('Payment', 'payment', money(order.payment.amount) + ' by ' + order.payment.method
                + ' (' + order.payment.reference + '), ' + when(order.payment.paidAt)) : '',
            order.shipment ? fact('Shipment', 'shipment', order.shipment.carrier + ', tracking '
                + order.shipment.trackingNumber + ', shipped ' + when(order.shipment.shippedAt)) : '',
            order.deliveredAt ? fact('Delivered', 'delivered', when(order.deliveredAt)) : '')
    ];
}

function figure(label, value) {
    return el('div', {class: 'figure'}, el('div', {class: 'muted'}, label), el('div', {class: 'value'}, value));
}

function fact(label, className, text) {
    return el('div', {class: 'fact ' + className}, el('div', {class: 'muted'}, label), el('div', {}, text));
}
