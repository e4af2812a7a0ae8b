// An order's timeline (GET /orders/{id}/timeline: its causal chain across the contexts, oldest first) as a table.

import {el, money, when} from '/ui/js/ordo.js';

const SAGA_STREAM = /^saga-(.+)$/;
const DETAIL_LIMIT = 4;
const TEXT_LIMIT = 160;
const HIDDEN_FIELD = /(^id|Id|At|^at|^deadline)$/;

/**
 * The entries as rows (tr[data-context][data-type]) of time, context, event, actor and a few of its data's fields.
 * With sagaLinks, an entry of a saga's stream links to that saga's page (/ui/saga.html?id=<sagaId>).
 */
export function timelineTable(entries, {sagaLinks = false} = {}) {
    if (!entries.length) {
        return el('p', {class: 'muted'}, 'Nothing recorded yet.');
    }
    return el('table', {class: 'timeline'},
        el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Context'), el('th', {}, 'Event'),
            el('th', {}, 'Actor'), el('th', {}, 'Details'))),
        el('tbody', {}, entries.map(entry => {
            const saga = SAGA_STREAM.exec(entry.streamId || '');
            return el('tr', {'data-context': entry.context, 'data-type': entry.type, 'data-position': entry.position},
                el('td', {}, el('time', {datetime: entry.recordedAt}, when(entry.recordedAt))),
                el('td', {}, el('span', {class: 'context ' + entry.context}, entry.context)),
                el('td', {}, saga && sagaLinks
                    ? el('a', {class: 'saga-link', href: '/ui/saga.html?id=' + encodeURIComponent(saga[1])}, entry.type)
                    : entry.type),
                el('td', {class: 'muted'}, entry.actor || ''),
                el('td', {class: 'details'}, details(entry.data)));
        })));
}

/**
 * A few of the event's own fields for a glance: not the ids that tie it to the order, nor its times (the row has
 * one), nor nested documents; long texts are cut, whole in the tooltip.
 */
function details(data) {
    if (!data || typeof data !== 'object') {
        return '';
    }
    const shown = [];
    for (const [name, value] of Object.entries(data)) {
        if (shown.length >= DETAIL_LIMIT || HIDDEN_FIELD.test(name) || value === null || value === undefined) {
            continue;
        }
        if (typeof value === 'object' && 'amount' in value && 'currency' in value) {
            shown.push(name + ': ' + money(value));
        } else if (Array.isArray(value)) {
            shown.push(name + ': ' + value.length);
        } else if (typeof value !== 'object' && !/^\s*[{[]/.test(String(value))) {
            shown.push(name + ': ' + value);
        }
    }
    const text = shown.join(' · ');
    return text.length > TEXT_LIMIT ? el('span', {title: text}, text.substring(0, TEXT_LIMIT - 1) + '…') : text;
}
