// One order's page for its customer and for operators: the order kept current by the live order stream, its
// timeline across the contexts, its fulfilment, and cancelling it; operators also get its event history with time
// travel (see order-history.js).

import {api, el, header, live, message, param, requireUser, showError} from '/ui/js/ordo.js';
import {orderDetails, statusPill} from '/ui/js/order-view.js';
import {timelineTable} from '/ui/js/timeline.js';
import {historyPanel} from '/ui/js/order-history.js';
import {newKey} from '/ui/js/placement.js';

const CANCELLABLE = ['PENDING', 'PAID'];
// the timeline and the fulfilment come from read models that trail the order's own events a little, and what an
// order's last event causes (the saga's completion, the notifications) comes after it: read them again a few times
const FOLLOW_UPS_MS = [600, 1500, 4000];

/**
 * Starts the page for ?id=<orderId>. An order the API does not show the user (someone else's, or none) leaves the
 * page with only the message "There is no such order" and nothing of the order.
 */
export async function startOrder() {
    const current = requireUser('customer', 'operator');
    header(current, current.is('customer') ? 'orders' : 'board');
    const id = param('id');
    if (!id) {
        message('problem', 'There is no such order: the address names none (order.html?id=<order id>).');
        return;
    }
    const page = orderPage(current, id);
    if (!(await page.load())) {
        return;
    }
    window.ordoLive = window.ordoLive || {};
    window.ordoLive.orders = live('/live/orders', {
        order: event => {
            if (event.orderId === id) {
                page.event(event);
            }
        },
        // data-live="ready" for whoever waits for the page to follow the stream (a test): read, and attached
        ready: () => page.load().then(() => document.getElementById('order').dataset.live = 'ready')
    });
}

/**
 * The page's state: the order view it shows and that view's version. Every read of the order comes from its event
 * stream (its history, then the view at the history's last version), so what is shown is never older than an event
 * already seen; a view older than the one shown is dropped.
 */
function orderPage(current, id) {
    const operator = current.is('operator');
    const history = operator ? historyPanel(id) : null;
    let shown = null;
    let newest = {version: 0, status: null};
    let followUps = [];

    const render = view => {
        if (shown && view.version <= shown.version) {
            return;
        }
        shown = view;
        if (view.version >= newest.version) {
            newest = {version: view.version, status: view.status};
        }
        document.getElementById('order-id').textContent = view.orderId;
        document.getElementById('status').replaceChildren(statusPill(newest.status));
        document.getElementById('order-details').replaceChildren(...orderDetails(view));
        document.getElementById('cancel-box').hidden = !CANCELLABLE.includes(newest.status);
        document.getElementById('order').hidden = false;
    };
    const refreshDerived = () => {
        api('/orders/' + encodeURIComponent(id) + '/timeline')
            .then(entries => document.getElementById('timeline')
                .replaceChildren(timelineTable(entries, {sagaLinks: operator})))
            .catch(showError);
        api('/orders/' + encodeURIComponent(id) + '/fulfilment')
            .then(saga => document.getElementById('fulfilment').replaceChildren(fulfilment(saga, operator)))
            .catch(e => document.getElementById('fulfilment').replaceChildren(el('p', {class: 'muted'},
                e.status === 404 ? 'No fulfilment was started for this order.' : e.message)));
    };
    const refreshSoon = () => {
        followUps.forEach(clearTimeout);
        refreshDerived();
        followUps = FOLLOW_UPS_MS.map(ms => setTimeout(refreshDerived, ms));
    };
    const at = version => api('/orders/' + encodeURIComponent(id) + '?version=' + version);

    /** Reads the order as its stream has it now; false (and the page says so) when there is no such order. */
    const load = async () => {
        try {
            const events = await api('/orders/' + encodeURIComponent(id) + '/events');
            const last = events[events.length - 1].version;
            if (!shown || last > shown.version) {
                render(await at(last));
            }
            if (history) {
                history.update(events);
            }
            refreshSoon();
            return true;
        } catch (e) {
            if (e.status === 404 || e.status === 400) {
                message('problem', 'There is no such order: ' + id);
            } else {
                showError(e);
            }
            return false;
        }
    };

    document.getElementById('cancel').addEventListener('click', async () => {
        const button = document.getElementById('cancel');
        button.disabled = true;
        try {
            render(await api('/orders/' + encodeURIComponent(id) + '/cancellation', {method: 'POST',
                body: {reason: document.getElementById('cancel-reason').value.trim()},
                headers: {'Idempotency-Key': newKey()}}));
            message('info', 'The order was cancelled.');
            refreshSoon();
        } catch (e) {
            // refused: the order moved on since it was shown (shipped, delivered, cancelled); show it as it is now
            showError(e);
            load();
        } finally {
            button.disabled = false;
        }
    });

    return {
        load,
        /** Takes a live event of this order: its status at once, then the order as of that event. */
        async event(event) {
            if (event.version <= newest.version) {
                return;
            }
            newest = {version: event.version, status: event.status};
            document.getElementById('status').replaceChildren(statusPill(event.status));
            document.getElementById('cancel-box').hidden = !CANCELLABLE.includes(event.status);
            refreshSoon();
            try {
                render(await at(event.version));
                if (history) {
                    history.update(await api('/orders/' + encodeURIComponent(id) + '/events'));
                }
            } catch (e) {
                showError(e);
            }
        }
    };
}

/** The fulfilment saga's status and steps; operators get a link to the saga's own page. */
function fulfilment(saga, operator) {
    return el('div', {},
        el('p', {}, 'Status ', statusPill(saga.status),
            operator ? [' ', el('a', {href: '/ui/saga.html?id=' + encodeURIComponent(saga.sagaId)}, 'the saga')] : '',
            saga.failure ? [' ', el('span', {class: 'problem'}, saga.failure)] : ''),
        el('ol', {class: 'steps'}, saga.steps.map(step => el('li', {'data-step': step.name, class: step.state},
            step.name, ' ', el('span', {class: 'muted'}, step.state.toLowerCase().replace(/_/g, ' '))))));
}
