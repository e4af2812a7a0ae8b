// What changed between two JSON documents, field by field: used to compare an order at two of its versions.

import {el} from '/ui/js/ordo.js';

/**
 * The differences from before to after as [{path, kind, before, after}] with kind "added", "removed" or "changed",
 * in the order of the fields (before's first, then those only after has). A field that is null counts as absent, so
 * a part an order gains (its payment) shows as its fields added. Objects are compared field by field;
 * arrays element by element, matching elements by their productId or id when they have one (so a line removed from
 * the middle is one removal, not a change of every later line) and by position otherwise. Equal documents give [].
 */
export function jsonDiff(before, after) {
    const changes = [];
    walk('', before, after, changes);
    return changes;
}

function walk(path, a, b, changes) {
    if (absent(a) && absent(b)) {
        return;
    }
    if (absent(a) || absent(b)) {
        const present = absent(a) ? b : a;
        if (isObject(present) || Array.isArray(present)) {
            const empty = Array.isArray(present) ? [] : {};
            walk(path, absent(a) ? empty : a, absent(b) ? empty : b, changes);
        } else {
            changes.push({path, kind: absent(a) ? 'added' : 'removed', before: a, after: b});
        }
        return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        const left = keyed(a);
        const right = keyed(b);
        for (const [key, item] of left) {
            walk(path + '[' + label(item, key) + ']', item, right.get(key), changes);
        }
        for (const [key, item] of right) {
            if (!left.has(key)) {
                walk(path + '[' + label(item, key) + ']', undefined, item, changes);
            }
        }
        return;
    }
    if (isObject(a) && isObject(b)) {
        for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
            walk(path ? path + '.' + name : name, a[name], b[name], changes);
        }
        return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) {
        changes.push({path, kind: 'changed', before: a, after: b});
    }
}

function keyed(array) {
    return new Map(array.map((item, i) => [isObject(item) && (item.productId || item.id) ? 'id:' + (item.productId || item.id) : 'at:' + i, item]));
}

function label(item, key) {
    return isObject(item) && (item.productName || item.name) ? item.productName || item.name : key.substring(3);
}

function absent(value) {
    return value === undefined || value === null;
}

function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The differences as a table (css: .diff with rows .added, .removed, .changed), or a note that there are none. */
export function diffTable(changes, beforeLabel, afterLabel) {
    if (!changes.length) {
        return el('p', {class: 'muted diff none'}, 'No differences.');
    }
    return el('table', {class: 'diff'},
        el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Change'), el('th', {}, beforeLabel),
            el('th', {}, afterLabel))),
        el('tbody', {}, changes.map(c => el('tr', {class: c.kind, 'data-path': c.path},
            el('td', {class: 'path'}, el('code', {}, c.path)), el('td', {}, c.kind),
            el('td', {class: 'before'}, show(c.before)), el('td', {class: 'after'}, show(c.after))))));
}

function show(value) {
    if (value === undefined) {
        return '';
    }
    return el('code', {}, typeof value === 'string' ? value : JSON.stringify(value));
}
