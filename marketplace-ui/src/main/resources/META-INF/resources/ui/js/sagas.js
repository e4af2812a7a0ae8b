// Sagas for operators: the parked compensations, each with a redrive, and the sagas by status from the saga index,
// each linking to its page (saga.html?id=).
import {api, el, message, openPage, param, shortId, showError, when} from '/ui/js/ordo.js';

openPage('sagas', ['operator'], async () => {
    const statusFilter = document.getElementById('status');
    statusFilter.value = param('status') || '';

    const link = sagaId => el('a', {href: '/ui/saga.html?id=' + sagaId}, el('code', {class: 'id', title: sagaId},
        shortId(sagaId)));

    const parked = async () => {
        const all = await api('/sagas/parked');
        document.querySelector('#parked tbody').replaceChildren(...all.map(p => el('tr', {'data-saga-id': p.sagaId},
            el('td', {}, link(p.sagaId)), el('td', {}, p.sagaType), el('td', {}, p.step),
            el('td', {class: 'number'}, p.attempts), el('td', {class: 'error'}, p.error || ''), el('td', {class: 'time'}, when(p.at)),
            el('td', {}, el('button', {type: 'button', class: 'primary', onclick: () => redrive(p.sagaId)},
                'Redrive')))));
        document.getElementById('no-parked').hidden = all.length > 0;
    };

    const sagas = async () => {
        const query = new URLSearchParams({limit: '100'});
        if (statusFilter.value) {
            query.set('status', statusFilter.value);
        }
        history.replaceState(null, '', statusFilter.value ? '?status=' + statusFilter.value : location.pathname);
        const all = await api('/sagas?' + query);
        document.querySelector('#sagas tbody').replaceChildren(...all.map(s => el('tr', {'data-saga-id': s.sagaId},
            el('td', {}, link(s.sagaId)), el('td', {}, s.type),
            el('td', {class: 'status-cell'}, el('span', {class: 'status ' + s.status}, s.status)),
            el('td', {class: 'error'}, s.failure || ''), el('td', {class: 'time'}, when(s.wakeAt)),
            el('td', {class: 'time'}, when(s.updatedAt)))));
        document.getElementById('no-sagas').hidden = all.length > 0;
    };

    const redrive = async sagaId => {
        try {
            const saga = await api('/sagas/' + sagaId + '/redrive', {method: 'POST'});
            message('info', 'Saga ' + sagaId + ' redriven: it is now ' + saga.status + '.');
            await Promise.all([parked(), sagas()]);
        } catch (e) {
            showError(e);
        }
    };

    statusFilter.addEventListener('change', () => sagas().catch(showError));
    await Promise.all([parked(), sagas()]);
});
