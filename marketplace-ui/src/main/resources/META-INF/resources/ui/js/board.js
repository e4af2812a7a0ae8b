// The operators' live orders board: the most recent orders from GET /orders, kept current by GET /live/orders (every
// order's events, for an operator) without a reload. A row is <tr data-order-id> with a .status cell, flashed when it
// changes. An order the board does not show yet, or whose items changed, is read as of the event's version
// (GET /orders/{id}?version=N, folded from its stream, so it is there even before the read model has caught up).
import {api, el, live, money, openPage, shortId, showError, when} from '/ui/js/ordo.js';

const SHOWN = 50;

openPage('board', ['operator'], () => {
    const body = document.querySelector('#orders tbody');
    const orders = new Map();

    const row = order => el('tr', {'data-order-id': order.orderId},
        el('td', {}, el('a', {href: '/ui/order.html?id=' + order.orderId},
            el('code', {class: 'id', title: order.orderId}, shortId(order.orderId)))),
        el('td', {class: 'status-cell'}, el('span', {class: 'status ' + order.status}, order.status)),
        el('td', {}, el('code', {class: 'id', title: order.customerId || ''}, shortId(order.customerId))),
        el('td', {class: 'number'}, order.items ?? ''),
        el('td', {class: 'number'}, money(order.total)),
        el('td', {class: 'time'}, when(order.placedAt)));

    const show = (order, flash) => {
        const fresh = row(order);
        if (flash) {
            fresh.classList.add('flash');
        }
        const old = body.querySelector(`tr[data-order-id="${order.orderId}"]`);
        if (old) {
            old.replaceWith(fresh);
        } else {
            const older = [...body.children].find(tr =>
                Date.parse(orders.get(tr.dataset.orderId).placedAt) < Date.parse(order.placedAt));
            body.insertBefore(fresh, older || null);
            while (body.children.length > SHOWN) {
                orders.delete(body.lastElementChild.dataset.orderId);
                body.lastElementChild.remove();
            }
        }
        document.getElementById('empty').hidden = body.children.length > 0;
    };

    /** Keeps the newer of what is shown and what arrived (versions only grow), and shows it. */
    const merge = (order, flash) => {
        const known = orders.get(order.orderId);
        if (known && known.version >= order.version) {
            return;
        }
        const merged = {...known, ...order};
        orders.set(order.orderId, merged);
        show(merged, flash);
    };

    const readAt = async event => {
        const order = await api('/orders/' + event.orderId + '?version=' + event.version);
        return {orderId: order.orderId, customerId: order.customerId, status: order.status, total: order.total,
            items: (order.lines || []).reduce((sum, line) => sum + line.quantity, 0), placedAt: order.placedAt,
            version: order.version};
    };

    const state = document.getElementById('live-state');
    // attach to the stream first, then read the list: nothing falls between the two
    window.ordoLive = window.ordoLive || {};
    window.ordoLive.orders = live('/live/orders', {
        ready: async () => {
            state.className = 'live-indicator on';
            state.textContent = 'live';
            try {
                (await api('/orders?size=' + SHOWN)).items.forEach(order => merge(order, false));
            } catch (e) {
                showError(e);
            }
        },
        order: event => {
            if (orders.has(event.orderId) && !/item-/.test(event.type || '')) {
                merge({orderId: event.orderId, status: event.status, version: event.version}, true);
            } else {
                readAt(event).then(order => merge(order, true)).catch(showError);
            }
        }
    });
});
