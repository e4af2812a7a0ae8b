// "My orders": the customer's orders, newest first, each row kept current by the live order stream (statuses change
// in place, orders placed in another tab or by the fulfilment appear). An operator sees everyone's, or one customer's
// with ?customerId=.

import {api, el, header, live, money, param, requireUser, showError, when} from '/ui/js/ordo.js';
import {statusPill} from '/ui/js/order-view.js';

const PAGE_SIZE = 50;

/** Starts the page for a customer (their own orders) or an operator (all, or ?customerId='s). */
export function startOrders() {
    const current = requireUser('customer', 'operator');
    header(current, 'orders');
    const customerId = current.is('operator') ? param('customerId') : current.customerId;
    document.getElementById('heading').textContent = current.is('operator')
        ? (customerId ? 'Orders of customer ' + customerId : 'All orders') : 'My orders';
    const table = ordersTable();
    // attach to the stream first, then read the list: an event between the two is not lost, and the list's older
    // versions never overwrite it
    window.ordoLive = window.ordoLive || {};
    window.ordoLive.orders = live('/live/orders', {
        order: event => {
            if (!customerId || event.customerId === customerId) {
                table.apply(event);
            }
        },
        ready: () => api('/orders?size=' + PAGE_SIZE + (customerId ? '&customerId=' + encodeURIComponent(customerId) : ''))
            .then(page => {
                table.merge(page);
                // for whoever waits for the page to follow the stream (a test): listed, and attached
                document.getElementById('orders').dataset.live = 'ready';
            }).catch(showError)
    });
}

/**
 * The table's rows by order id, each remembering the version it shows: a list item or live event is applied only
 * when its version is newer than the row's.
 */
function ordersTable() {
    const body = document.getElementById('order-rows');
    const rows = new Map();
    const render = () => {
        const sorted = [...rows.values()].sort((a, b) => String(b.placedAt || '~').localeCompare(String(a.placedAt || '~')));
        body.replaceChildren(...sorted.map(row => row.tr));
        document.getElementById('no-orders').hidden = rows.size > 0;
    };
    const rowOf = orderId => {
        let row = rows.get(orderId);
        if (!row) {
            row = {orderId, version: 0, placedAt: null, tr: el('tr', {'data-order-id': orderId})};
            rows.set(orderId, row);
        }
        return row;
    };
    const draw = (row, item) => {
        row.version = item.version;
        row.status = item.status;
        row.placedAt = item.placedAt || row.placedAt;
        row.tr.dataset.version = String(item.version);
        row.tr.replaceChildren(
            el('td', {}, el('a', {href: '/ui/order.html?id=' + encodeURIComponent(row.orderId)}, row.orderId.substring(0, 8))),
            el('td', {class: 'placed'}, when(row.placedAt)),
            el('td', {class: 'number items'}, item.items === undefined ? '' : item.items),
            el('td', {class: 'number total'}, money(item.total)),
            el('td', {}, statusPill(item.status)));
    };
    return {
        /** Takes a page of the list: rows the live stream already brought further are left as they are. */
        merge(page) {
            for (const item of page.items) {
                const row = rowOf(item.orderId);
                if (item.version > row.version) {
                    draw(row, item);
                }
            }
            document.getElementById('order-count').textContent = page.totalItems > page.items.length
                ? 'The newest ' + page.items.length + ' of ' + page.totalItems + ' orders.' : '';
            render();
        },
        /** Takes a live event: the row's status changes in place; an order not shown yet is read and added. */
        apply(event) {
            const known = rows.has(event.orderId);
            const row = rowOf(event.orderId);
            if (event.version <= row.version) {
                return;
            }
            row.version = event.version;
            row.status = event.status;
            row.tr.dataset.version = String(event.version);
            const status = row.tr.querySelector('.status');
            if (status) {
                status.replaceWith(statusPill(event.status));
                row.tr.classList.remove('flash');
                void row.tr.offsetWidth;
                row.tr.classList.add('flash');
            } else {
                row.tr.replaceChildren(el('td', {colspan: 4}, event.orderId.substring(0, 8)),
                    el('td', {}, statusPill(event.status)));
                render();
            }
            if (known && !event.type.startsWith('order.item')) {
                return;
            }
            // a new order, or one whose items changed: its total and units come from the order as of this event;
            // the status and version stay those of the newest event seen by then
            api('/orders/' + encodeURIComponent(event.orderId) + '?version=' + event.version).then(order => {
                const items = order.lines.reduce((n, line) => n + line.quantity, 0);
                draw(row, order.version >= row.version ? {...order, items}
                    : {...order, items, status: row.status, version: row.version});
                render();
            }).catch(showError);
        }
    };
}
