// The system page for operators: the projections with their lag and a rebuild (followed until it ends), the circuit
// breakers and the health with its components, read again every few seconds.
import {api, ApiError, el, message, openPage, showError, when} from '/ui/js/ordo.js';

const REFRESH_MS = 5000;
const WHILE_REBUILDING_MS = 500;

openPage('system', ['operator'], async () => {
    let following = null;
    const asked = new Set();

    const projections = async () => {
        const all = await api('/projections');
        all.filter(p => asked.has(p.name) && !p.rebuilding && p.lastRebuild && p.lastRebuild.state !== 'RUNNING')
            .forEach(p => {
                asked.delete(p.name);
                message(p.lastRebuild.state === 'SUCCEEDED' ? 'info' : 'problem', p.name + ' '
                    + (p.lastRebuild.state === 'SUCCEEDED' ? 'rebuilt' : 'not rebuilt: ' + p.lastRebuild.error
                        + '; the current read model stays live') + ' (' + took(p.lastRebuild) + ').');
            });
        document.querySelector('#projections tbody').replaceChildren(...all.map(p => projectionRow(p, rebuild)));
        document.getElementById('no-projections').hidden = all.length > 0;
        if (all.some(p => p.rebuilding) && !following) {
            following = setTimeout(() => {
                following = null;
                projections().catch(showError);
            }, WHILE_REBUILDING_MS);
        }
    };

    const rebuild = async name => {
        try {
            await api('/projections/' + encodeURIComponent(name) + '/rebuild', {method: 'POST'});
            asked.add(name);
            message('info', 'Rebuilding ' + name + ': the current read model serves until the rebuilt one replaces it.');
            await projections();
        } catch (e) {
            showError(e);
        }
    };

    const refresh = async () => {
        await Promise.all([projections(), health()]);
        document.getElementById('refreshed').textContent = 'as of ' + new Date().toLocaleTimeString('en-GB');
    };

    await refresh();
    setInterval(() => refresh().catch(showError), REFRESH_MS);
});

function projectionRow(p, rebuild) {
    const status = p.status || {};
    const state = status.state || (p.rebuilding ? 'REBUILDING' : 'STOPPED');
    const last = p.lastRebuild;
    let rebuildText = '';
    if (p.rebuilding) {
        rebuildText = el('span', {class: 'status RUNNING'}, 'rebuilding…');
    } else if (last && last.state === 'SUCCEEDED') {
        rebuildText = el('span', {title: 'in ' + took(last)}, el('span', {class: 'status SUCCEEDED'}, 'rebuilt'), ' ',
            when(last.finishedAt));
    } else if (last && last.state === 'FAILED') {
        rebuildText = el('span', {class: 'error-text', title: last.error || ''},
            el('span', {class: 'status FAILED'}, 'failed'), ' ', last.error || '');
    }
    return el('tr', {'data-projection': p.name},
        el('td', {}, el('b', {}, p.name), status.lastError
            ? el('div', {class: 'error-text'}, status.lastError) : null),
        el('td', {class: 'number'}, p.version),
        el('td', {class: 'status-cell'}, el('span', {class: 'status ' + state}, state)),
        el('td', {class: 'number'}, status.checkpoint ?? '—'),
        el('td', {class: 'number'}, status.head ?? '—'),
        el('td', {class: 'number lag'}, status.lagEvents ?? '—'),
        el('td', {class: 'number lag-seconds'}, status.lagSeconds === undefined ? '—'
            : Number(status.lagSeconds).toFixed(1)),
        el('td', {class: 'number'}, status.failures ?? '—'),
        el('td', {class: 'time'}, when(status.lastActivity)),
        el('td', {class: 'rebuild-state'}, rebuildText),
        el('td', {}, el('button', {type: 'button', 'data-rebuild': p.name, disabled: p.rebuilding,
            onclick: () => rebuild(p.name)}, 'Rebuild')));
}

/** How long a finished rebuild took, for people. */
function took(rebuild) {
    return ((Date.parse(rebuild.finishedAt) - Date.parse(rebuild.startedAt)) / 1000).toFixed(1) + ' s';
}

/** The health: DOWN answers 503 with the same body, which is still worth showing. */
async function health() {
    let body;
    try {
        body = await api('/actuator/health');
    } catch (e) {
        if (!(e instanceof ApiError) || typeof e.problem.status !== 'string') {
            throw e;
        }
        body = e.problem;
    }
    const overall = document.getElementById('health-status');
    overall.className = 'status ' + body.status;
    overall.textContent = body.status;
    const components = flatten(body.components || {});
    const degradedBy = components.flatMap(([, c]) => (c.details && c.details.degradedBy) || []);
    const reasons = document.getElementById('degraded-by');
    reasons.hidden = degradedBy.length === 0;
    reasons.textContent = body.status + ': ' + degradedBy.join('; ');
    document.querySelector('#health tbody').replaceChildren(...components.map(([name, c]) =>
        el('tr', {'data-component': name},
            el('td', {}, name),
            el('td', {class: 'status-cell'}, el('span', {class: 'status ' + c.status}, c.status)),
            el('td', {}, details(c.details || {})))));
    document.querySelector('#breakers tbody').replaceChildren(...components
        .filter(([, c]) => c.details && c.details.circuitBreaker)
        .map(([name, c]) => el('tr', {'data-breaker': name},
            el('td', {}, name),
            el('td', {class: 'status-cell'}, el('span', {class: 'status ' + c.details.circuitBreaker},
                c.details.circuitBreaker)),
            el('td', {class: 'number'}, c.details.failureRate < 0 ? '—' : c.details.failureRate + ' %'),
            el('td', {class: 'number'}, c.details.bufferedCalls),
            el('td', {class: 'number'}, c.details.failedCalls),
            el('td', {class: 'number'}, c.details.notPermittedCalls))));
}

/** Components and their sub-components as [name, component] pairs, a sub-component named parent/child. */
function flatten(components, prefix = '') {
    return Object.entries(components).flatMap(([name, c]) => [[prefix + name, c],
        ...flatten(c.components || {}, prefix + name + '/')]);
}

/** A component's details: plain values inline, anything bigger folded away. */
function details(all) {
    const plain = [];
    const folded = [];
    for (const [name, value] of Object.entries(all)) {
        if (name === 'degradedBy') {
            continue;
        }
        if (value !== null && typeof value === 'object') {
            folded.push(el('details', {}, el('summary', {}, name), el('pre', {}, JSON.stringify(value, null, 2))));
        } else {
            plain.push(name + ': ' + value);
        }
    }
    return [el('span', {class: 'muted'}, plain.join(' · ')), ...folded];
}
