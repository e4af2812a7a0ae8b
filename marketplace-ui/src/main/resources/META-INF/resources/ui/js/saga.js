// One saga for operators (saga.html?id=): status, data and failure, each step with its attempts, deadline and last
// error, the timers still set, the compensations, and every event of its stream; a parked saga can be redriven.
import {api, el, message, openPage, param, shortId, showError, when} from '/ui/js/ordo.js';

const COMPENSATION = /^COMPENSAT/;

openPage('sagas', ['operator'], async () => {
    const id = param('id');
    if (!id) {
        message('problem', 'Which saga? The address needs ?id=<saga id>.');
        return;
    }

    const load = async () => {
        const [saga, events] = await Promise.all([api('/sagas/' + id), api('/sagas/' + id + '/events')]);
        document.title = 'Saga ' + shortId(id) + ' · Ordo marketplace';
        summary(saga, redrive);
        steps(saga);
        history(events);
    };

    const redrive = async () => {
        try {
            const saga = await api('/sagas/' + id + '/redrive', {method: 'POST'});
            message('info', 'Saga redriven: it is now ' + saga.status + '.');
            await load();
        } catch (e) {
            showError(e);
        }
    };

    await load();
});

function summary(saga, redrive) {
    const orderId = saga.data && saga.data.orderId;
    const card = document.getElementById('saga');
    card.replaceChildren(
        el('h1', {}, 'Saga ', el('code', {class: 'id'}, saga.sagaId), ' ',
            el('span', {id: 'saga-status', class: 'status ' + saga.status}, saga.status)),
        el('dl', {class: 'facts'},
            el('dt', {}, 'Type'), el('dd', {}, saga.type),
            el('dt', {}, 'Version'), el('dd', {}, String(saga.version)),
            orderId ? [el('dt', {}, 'Order'), el('dd', {}, el('a', {href: '/ui/order.html?id=' + orderId}, orderId))]
                : null,
            el('dt', {}, 'Completed steps'), el('dd', {}, saga.completed.length ? saga.completed.join(' → ') : '—')),
        saga.failure ? el('p', {class: 'problem', id: 'saga-failure'}, saga.failure) : null,
        saga.status === 'PARKED' ? el('p', {}, el('button', {type: 'button', id: 'redrive', class: 'primary',
            onclick: redrive}, 'Redrive the parked compensation')) : null,
        el('details', {}, el('summary', {}, 'Data'), el('pre', {id: 'saga-data'}, JSON.stringify(saga.data, null, 2))));
    card.hidden = false;
}

function steps(saga) {
    document.querySelector('#steps tbody').replaceChildren(...saga.steps.map(step => el('tr', {'data-step': step.name},
        el('td', {class: 'name'}, step.name),
        el('td', {class: 'status-cell'}, el('span', {class: 'status ' + step.state}, step.state)),
        el('td', {class: 'number'}, step.attempts),
        el('td', {class: 'number'}, step.compensationAttempts),
        el('td', {class: 'time'}, when(step.deadline)),
        el('td', {class: 'error'}, step.lastError || ''))));
    const timers = saga.steps.filter(step => step.deadline && !/^(SUCCEEDED|COMPENSATED)$/.test(step.state));
    document.getElementById('timers').replaceChildren(timers.length
        ? el('span', {}, timers.map(step => step.name + ' times out at ' + when(step.deadline)).join('; '))
        : 'No timer is set: no step waits for a reply.');
    document.getElementById('compensations').replaceChildren(...compensations(saga));
    document.getElementById('steps-card').hidden = false;
}

/** The steps being or already undone, and those still to undo (the completed ones, in reverse) while it compensates. */
function compensations(saga) {
    const undone = saga.steps.filter(step => COMPENSATION.test(step.state));
    const pending = saga.failure && saga.status !== 'COMPLETED'
        ? saga.completed.slice().reverse().filter(name => !undone.some(step => step.name === name)) : [];
    if (!undone.length && !pending.length) {
        return [el('p', {class: 'muted'}, 'Nothing was compensated.')];
    }
    return [
        undone.length ? el('table', {id: 'compensation-steps'},
            el('thead', {}, el('tr', {}, el('th', {}, 'Step'), el('th', {}, 'State'),
                el('th', {class: 'number'}, 'Attempts'), el('th', {}, 'Last error'))),
            el('tbody', {}, undone.map(step => el('tr', {'data-step': step.name},
                el('td', {class: 'name'}, step.name),
                el('td', {}, el('span', {class: 'status ' + step.state}, step.state)),
                el('td', {class: 'number'}, step.compensationAttempts),
                el('td', {class: 'error'}, step.lastError || ''))))) : null,
        pending.length ? el('p', {class: 'muted', id: 'to-undo'}, 'Still to undo, in this order: '
            + pending.join(', ') + '.') : null
    ].filter(Boolean);
}

function history(events) {
    document.querySelector('#events tbody').replaceChildren(...events.map(event => el('tr', {},
        el('td', {class: 'number'}, event.position),
        el('td', {class: 'number'}, event.version),
        el('td', {}, el('code', {}, event.type)),
        el('td', {class: 'time'}, when(event.recordedAt)),
        el('td', {}, (event.metadata && event.metadata.actor) || ''),
        el('td', {}, el('details', {}, el('summary', {}, summaryOf(event.data)),
            el('pre', {}, JSON.stringify(event.data, null, 2)))))));
    document.getElementById('events-card').hidden = false;
}

/** A short line for an event's data: its step and reason when it has them. */
function summaryOf(data) {
    if (!data || typeof data !== 'object') {
        return 'data';
    }
    return [data.step, data.reason || data.error].filter(Boolean).join(': ').substring(0, 80) || 'data';
}
