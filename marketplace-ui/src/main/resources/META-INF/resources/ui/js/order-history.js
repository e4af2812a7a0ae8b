// The operator's part of the order page: the order's event history, and time travel through it: a slider picks a
// version, the page shows the order as it was right after that event (GET /orders/{id}?version=N) and what changed
// from the version before it, or from a second version chosen to compare with.

import {api, el, showError, when} from '/ui/js/ordo.js';
import {orderDetails} from '/ui/js/order-view.js';
import {diffTable, jsonDiff} from '/ui/js/json-diff.js';

/**
 * Shows the history and time-travel sections and returns {update(events)}, to be called with the order's full
 * history whenever it may have grown. The slider follows the newest version while it is left at the end; once moved
 * back it stays where the operator put it. Past versions never change, so each is read once.
 */
export function historyPanel(orderId) {
    const slider = document.getElementById('version-slider');
    const compare = document.getElementById('compare-with');
    const views = new Map();
    let events = [];
    let asked = 0;

    const view = version => {
        if (!views.has(version)) {
            views.set(version, api('/orders/' + encodeURIComponent(orderId) + '?version=' + version)
                .catch(e => {
                    views.delete(version);
                    throw e;
                }));
        }
        return views.get(version);
    };
    const show = async () => {
        const version = Number(slider.value);
        const base = compare.value ? Number(compare.value) : version - 1;
        const request = ++asked;
        const event = events.find(e => e.version === version);
        document.getElementById('slider-label').textContent = 'Version ' + version + ' of ' + events.length
            + (event ? ': ' + event.type + ', ' + when(event.recordedAt) : '');
        try {
            const [then, before] = await Promise.all([view(version), base >= 1 ? view(base) : null]);
            if (request !== asked) {
                return;
            }
            document.getElementById('version-view').replaceChildren(...orderDetails(then));
            document.getElementById('diff-heading').textContent = before
                ? 'What changed from version ' + base + ' to version ' + version
                : 'Version ' + version + ' is the order as it was placed';
            document.getElementById('version-diff').replaceChildren(before
                ? diffTable(jsonDiff(before, then), 'version ' + base, 'version ' + version) : '');
            markSelected(version);
        } catch (e) {
            showError(e);
        }
    };
    slider.addEventListener('input', show);
    compare.addEventListener('change', show);
    document.getElementById('time-travel').hidden = false;
    document.getElementById('history-box').hidden = false;

    return {
        update(all) {
            if (all.length <= events.length) {
                return;
            }
            const atEnd = events.length === 0 || Number(slider.value) === events.length;
            events = all;
            slider.max = String(all.length);
            if (atEnd) {
                slider.value = String(all.length);
            }
            compare.replaceChildren(el('option', {value: ''}, 'the version before'),
                ...all.map(e => el('option', {value: e.version, selected: String(e.version) === compare.value},
                    'version ' + e.version)));
            document.getElementById('history').replaceChildren(historyTable(all, version => {
                slider.value = String(version);
                show();
            }));
            show();
        }
    };
}

function markSelected(version) {
    for (const row of document.querySelectorAll('#history tr[data-version]')) {
        row.classList.toggle('selected', row.dataset.version === String(version));
    }
}

/** The events, oldest first, each with its metadata and its data to unfold; a click on a row travels to it. */
function historyTable(events, travel) {
    return el('table', {class: 'history'},
        el('thead', {}, el('tr', {}, el('th', {class: 'number'}, 'Version'), el('th', {class: 'number'}, 'Position'),
            el('th', {}, 'Event'), el('th', {}, 'Recorded'), el('th', {}, 'Actor'), el('th', {}, 'Correlation'),
            el('th', {}, 'Data'))),
        el('tbody', {}, events.map(e => el('tr', {'data-version': e.version, 'data-type': e.type},
            el('td', {class: 'number'}, el('a', {href: '#time-travel', onclick: () => travel(e.version)}, e.version)),
            el('td', {class: 'number'}, e.position),
            el('td', {}, e.type),
            el('td', {}, when(e.recordedAt)),
            el('td', {}, (e.metadata && e.metadata.actor) || ''),
            el('td', {class: 'muted'}, el('code', {}, String((e.metadata && e.metadata.correlationId) || '').substring(0, 8))),
            el('td', {}, el('details', {}, el('summary', {}, 'data'),
                el('pre', {}, JSON.stringify(e.data, null, 2))))))));
}
