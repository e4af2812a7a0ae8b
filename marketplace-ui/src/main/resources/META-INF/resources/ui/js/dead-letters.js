// Dead letters for operators: a list by status and origin, one letter's message, last error with its stack trace,
// attempts and action history, and the actions on it (redrive with an optional note, discard with a required one,
// redrive every parked letter of a subscription). The letter shown and the filters are kept in the address.
import {api, el, message, openPage, param, showError, when} from '/ui/js/ordo.js';

const SAGA_STEP = 'saga-step';

openPage('dead-letters', ['operator'], async () => {
    const statusFilter = document.getElementById('status');
    const originFilter = document.getElementById('origin');
    const redriveAll = document.getElementById('redrive-all');
    const body = document.querySelector('#letters tbody');
    const detail = document.getElementById('letter');
    let selected = param('id');
    if (param('status') !== null) {
        statusFilter.value = param('status');
    }

    const remember = () => {
        const query = new URLSearchParams();
        query.set('status', statusFilter.value);
        if (originFilter.value) {
            query.set('origin', originFilter.value);
        }
        if (selected) {
            query.set('id', selected);
        }
        history.replaceState(null, '', '?' + query);
    };

    const origin = letter => letter.origin.kind + ':' + letter.origin.name;

    const row = letter => el('tr', {'data-letter-id': letter.id, class: 'clickable' + (letter.id === selected
            ? ' selected' : ''), onclick: () => open(letter.id)},
        el('td', {class: 'time'}, when(letter.firstFailedAt)),
        el('td', {class: 'name'}, origin(letter)),
        el('td', {}, el('code', {class: 'id'}, letter.key || '')),
        el('td', {}, letter.message.type),
        el('td', {class: 'status-cell'}, el('span', {class: 'status ' + letter.status}, letter.status)),
        el('td', {class: 'number'}, letter.attempts),
        el('td', {class: 'error'}, summary(letter.failure, 90)));

    const list = async () => {
        const query = new URLSearchParams({size: '200'});
        if (statusFilter.value) {
            query.set('status', statusFilter.value);
        }
        if (originFilter.value) {
            query.set('origin', originFilter.value);
        }
        const letters = await api('/dead-letters?' + query);
        body.replaceChildren(...letters.map(row));
        document.getElementById('none').hidden = letters.length > 0;
        redriveAll.disabled = !originFilter.value;
        remember();
    };

    const origins = async () => {
        const all = await api('/dead-letters?size=1000');
        const known = new Set([...all.map(origin), param('origin')].filter(Boolean));
        originFilter.append(...[...known].sort().map(o => el('option', {value: o}, o)));
        originFilter.value = param('origin') || '';
    };

    /** Shows a letter with its history, and in the list its new status. */
    const show = view => {
        const letter = view.letter;
        const old = body.querySelector(`tr[data-letter-id="${letter.id}"]`);
        if (old) {
            old.replaceWith(row(letter));
        }
        detail.replaceChildren(...render(view, act));
        detail.hidden = false;
    };

    const open = async id => {
        selected = id;
        body.querySelectorAll('tr.selected').forEach(tr => tr.classList.remove('selected'));
        const tr = body.querySelector(`tr[data-letter-id="${id}"]`);
        if (tr) {
            tr.classList.add('selected');
        }
        remember();
        try {
            show(await api('/dead-letters/' + id));
        } catch (e) {
            showError(e);
        }
    };

    /** Runs an action on the shown letter; a redriven subscription letter is followed until it is handled. */
    const act = async (action, note) => {
        try {
            const view = await api('/dead-letters/' + selected + '/' + action, {method: 'POST', body: {note}});
            show(view);
            message('info', (action === 'discard' ? 'Letter discarded' : 'Letter redriven') + ': it is now '
                + view.letter.status + '.');
            if (view.letter.status === 'RETRYING') {
                follow(view.letter.id, 20);
            }
        } catch (e) {
            showError(e);
        }
    };

    const follow = (id, times) => setTimeout(async () => {
        if (selected !== id) {
            return;
        }
        const view = await api('/dead-letters/' + id).catch(() => null);
        if (view) {
            show(view);
        }
        if (view && view.letter.status === 'RETRYING' && times > 1) {
            follow(id, times - 1);
        }
    }, 1000);

    document.getElementById('filters').addEventListener('submit', event => {
        event.preventDefault();
        list().catch(showError);
    });
    statusFilter.addEventListener('change', () => list().catch(showError));
    originFilter.addEventListener('change', () => list().catch(showError));
    redriveAll.addEventListener('click', async () => {
        try {
            const count = await api('/dead-letters/redrive?origin=' + encodeURIComponent(originFilter.value),
                {method: 'POST'});
            message('info', count + ' parked letter' + (count === 1 ? '' : 's') + ' of ' + originFilter.value
                + ' redriven.');
            await list();
        } catch (e) {
            showError(e);
        }
    });

    await origins();
    await list();
    if (selected) {
        await open(selected);
    }
});

/** The failure as one line, cut to at most max characters. */
function summary(failure, max) {
    const text = failure.message ? failure.type.replace(/^.*\./, '') + ': ' + failure.message : failure.type;
    return max && text.length > max ? text.substring(0, max - 1) + '…' : text;
}

function pretty(payload) {
    try {
        return JSON.stringify(JSON.parse(payload), null, 2);
    } catch (e) {
        return payload;
    }
}

/** The parts of the letter's card: facts, message, last error, actions while it is open, and its history. */
function render({letter, history}, act) {
    const sagaStep = letter.origin.kind === SAGA_STEP;
    const key = sagaStep && letter.key ? el('a', {href: '/ui/saga.html?id=' + letter.key}, letter.key) : letter.key;
    const headers = Object.entries(letter.message.headers || {});
    return [
        el('h2', {}, 'Letter ', el('code', {class: 'id'}, letter.id), ' ',
            el('span', {id: 'letter-status', class: 'status ' + letter.status}, letter.status)),
        el('dl', {class: 'facts'},
            el('dt', {}, 'Origin'), el('dd', {}, letter.origin.kind + ':' + letter.origin.name),
            el('dt', {}, 'Key'), el('dd', {}, key || '—'),
            el('dt', {}, 'Message'), el('dd', {}, letter.message.type, ' ', el('code', {class: 'id'}, letter.message.id),
                letter.message.position === null ? '' : ' at position ' + letter.message.position),
            el('dt', {}, 'Attempts'), el('dd', {id: 'letter-attempts'}, String(letter.attempts)),
            el('dt', {}, 'First failed'), el('dd', {}, when(letter.firstFailedAt)),
            el('dt', {}, 'Last failed'), el('dd', {}, when(letter.lastFailedAt)),
            letter.nextAttemptAt ? [el('dt', {}, 'Next attempt'), el('dd', {}, when(letter.nextAttemptAt))] : null),
        el('h3', {}, 'Last error'),
        el('p', {class: 'error-text', id: 'letter-error'}, summary(letter.failure)),
        letter.failure.stackTrace ? el('pre', {id: 'stack-trace'}, letter.failure.stackTrace) : null,
        el('h3', {}, 'Message'),
        headers.length ? el('dl', {class: 'facts', id: 'headers'}, headers.flatMap(([name, value]) =>
            [el('dt', {}, name), el('dd', {}, value)])) : null,
        el('pre', {id: 'payload'}, pretty(letter.message.payload)),
        actions(letter, act),
        el('h3', {}, 'History'),
        el('table', {id: 'history'},
            el('thead', {}, el('tr', {}, el('th', {}, 'When'), el('th', {}, 'Action'), el('th', {}, 'By'),
                el('th', {}, 'Note'))),
            el('tbody', {}, history.map(action => el('tr', {'data-action': action.action},
                el('td', {class: 'time'}, when(action.at)),
                el('td', {}, el('span', {class: 'status ' + action.action}, action.action)),
                el('td', {}, action.actor),
                el('td', {class: 'note'}, action.note || '')))))
    ];
}

function actions(letter, act) {
    if (letter.status !== 'PARKED' && letter.status !== 'RETRYING') {
        return el('p', {class: 'muted'}, 'This letter is ' + letter.status + ': nothing more to do.');
    }
    const note = el('textarea', {id: 'note', rows: 2, placeholder: 'Why: the fix, the ticket…'});
    return el('div', {id: 'actions'},
        el('h3', {}, 'Act on it'),
        el('label', {for: 'note'}, 'Note (optional for a redrive, required to discard)'), note,
        el('p', {class: 'toolbar'},
            letter.status === 'PARKED' ? el('button', {type: 'button', id: 'redrive', class: 'primary',
                onclick: () => act('redrive', note.value.trim() || undefined)}, 'Redrive') : null,
            el('button', {type: 'button', id: 'discard', class: 'danger', onclick: () => {
                if (!note.value.trim()) {
                    message('problem', 'Say why the letter is discarded: a note is required.');
                    note.focus();
                    return;
                }
                act('discard', note.value.trim());
            }}, 'Discard')));
}
