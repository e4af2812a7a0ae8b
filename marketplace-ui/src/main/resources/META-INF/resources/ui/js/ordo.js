// What every page of the marketplace's UI shares: the signed-in user, calls to the REST API with their token,
// the page header for their role, the notification badge, and live updates over Server-Sent Events that resume
// from the last event id after a reconnect. Plain ES module, no build step: served as it is.

const TOKEN_KEY = 'ordo.token';

/** The signed-in user from the token the issuer gave, or null. Roles are lower case: customer, producer, operator. */
export function user() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) {
        return null;
    }
    const claims = decode(token);
    if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
        sessionStorage.removeItem(TOKEN_KEY);
        return null;
    }
    const roles = (Array.isArray(claims.roles) ? claims.roles : [claims.roles]).filter(Boolean)
        .map(role => String(role).toLowerCase());
    return {
        token, subject: claims.sub, roles,
        customerId: claims.customer_id || null, producerId: claims.producer_id || null,
        is: role => roles.includes(role)
    };
}

function decode(token) {
    try {
        const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(decodeURIComponent(escape(atob(payload))));
    } catch (e) {
        return null;
    }
}

/**
 * Signs in at the issuer's token endpoint (the development issuer's client-credentials grant: the user's name and
 * secret) and keeps the token for this browser tab. Throws an ApiError with the issuer's answer when refused.
 */
export async function login(username, password) {
    const response = await fetch('/oauth2/token', {
        method: 'POST',
        headers: {
            'Authorization': 'Basic ' + btoa(username + ':' + password),
            'Content-Type': 'application/x-www-form-urlencoded'
        },
        body: 'grant_type=client_credentials'
    });
    if (!response.ok) {
        throw new ApiError(response.status, {title: 'Sign-in refused',
            detail: response.status === 401 ? 'unknown user or wrong password' : 'the issuer answered ' + response.status});
    }
    return keepToken((await response.json()).access_token);
}

/** Keeps the token the issuer gave for this browser tab; returns its user. */
export function keepToken(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    return user();
}

export function logout() {
    sessionStorage.removeItem(TOKEN_KEY);
    location.href = '/ui/login.html';
}

/** The page's start: the signed-in user when they have one of the roles, else off to the login page (or a notice). */
export function requireUser(...roles) {
    const current = user();
    if (!current) {
        location.href = '/ui/login.html?next=' + encodeURIComponent(location.pathname + location.search);
        throw new Error('not signed in');
    }
    if (roles.length && !roles.some(current.is)) {
        document.body.replaceChildren(el('main', {},
            el('p', {class: 'problem', id: 'not-allowed'}, 'This page is not for your role (' + current.roles.join(', ')
                + ').'), el('a', {href: '/ui/'}, 'Back to your start page')));
        throw new Error('not allowed');
    }
    return current;
}

/**
 * Opens a page of the given roles: requireUser(...roles) without its exception (a visitor is sent to sign in, another
 * role gets the notice and start is never called), the header with the active page marked, then start(current).
 * What start throws or rejects with is shown in #messages instead of escaping as an uncaught error.
 */
export async function openPage(active, roles, start) {
    let current;
    try {
        current = requireUser(...roles);
    } catch (e) {
        return;
    }
    header(current, active);
    try {
        await start(current);
    } catch (e) {
        showError(e);
    }
}

/** A refused request: the HTTP status and the RFC 9457 problem the API answered with. */
export class ApiError extends Error {
    constructor(status, problem) {
        super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
        this.status = status;
        this.problem = problem || {};
    }
}

/**
 * Calls the REST API as the signed-in user: JSON in and out, the token attached; a refusal throws an ApiError
 * carrying the problem; a 401 sends the user to sign in again.
 */
export async function api(path, {method = 'GET', body, headers = {}} = {}) {
    const current = user();
    const all = {'Accept': 'application/json, application/problem+json', ...headers};
    if (current) {
        all['Authorization'] = 'Bearer ' + current.token;
    }
    if (body !== undefined) {
        all['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {method, headers: all, body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.status === 401 && current) {
        sessionStorage.removeItem(TOKEN_KEY);
    }
    if (!response.ok) {
        throw new ApiError(response.status, json);
    }
    return json;
}

/** Shows an error in the page's message area (#messages), naming the rule or field the API named. */
export function showError(error) {
    const problem = error.problem || {};
    const rule = problem.rule ? ' (rule: ' + problem.rule + ')' : '';
    const fields = (problem.errors || problem.violations || []).map(v => (v.field || v.pointer || '') + ' ' + (v.message || v.detail || ''));
    message('problem', (error.message || String(error)) + rule + (fields.length ? ': ' + fields.join('; ') : ''));
}

/** Shows a short message in the page's message area (#messages); kind is "info" or "problem". */
export function message(kind, text) {
    const area = document.getElementById('messages');
    if (area) {
        area.replaceChildren(el('p', {class: kind, role: kind === 'problem' ? 'alert' : 'status'}, text));
    }
}

/** Makes an element: el('a', {href: '/x', class: 'y', onclick: fn}, 'text', child, ...). */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === undefined || value === null || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            element.addEventListener(name.substring(2), value);
        } else {
            element.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child !== undefined && child !== null && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}

/** An amount as the API gives it ({amount, currency}, or a number and a currency) for people. */
export function money(amount, currency) {
    if (amount && typeof amount === 'object') {
        return money(amount.amount, amount.currency);
    }
    if (amount === undefined || amount === null) {
        return '';
    }
    return new Intl.NumberFormat('en', {style: 'currency', currency: currency || 'EUR'}).format(Number(amount));
}

/** An instant for people, in the browser's time zone. */
export function when(instant) {
    return instant ? new Date(instant).toLocaleString('en-GB') : '';
}

/**
 * A long id (a UUID) for a crowded table: its last 12 characters, the random end (a UUIDv7 starts with the time, so
 * the ids of one minute share their start); show the whole id as the element's title.
 */
export function shortId(id) {
    return id && id.length > 13 ? '…' + id.substring(id.length - 12) : (id || '');
}

/** The query parameter of the page's address. */
export function param(name) {
    return new URLSearchParams(location.search).get(name);
}

const PAGES = {
    customer: [['shop', 'Shop', '/ui/shop.html'], ['orders', 'My orders', '/ui/orders.html']],
    producer: [['analytics', 'My sales', '/ui/analytics.html']],
    operator: [['board', 'Orders', '/ui/board.html'], ['dead-letters', 'Dead letters', '/ui/dead-letters.html'],
        ['sagas', 'Sagas', '/ui/sagas.html'], ['system', 'System', '/ui/system.html'],
        ['analytics', 'Analytics', '/ui/analytics.html']]
};

/** Where a user starts: their role's first page. */
export function startPage(current) {
    for (const role of ['operator', 'customer', 'producer']) {
        if (current.is(role)) {
            return PAGES[role][0][2];
        }
    }
    return '/ui/login.html';
}

/**
 * Renders the page's header (into <header id="top">) with the pages the user's roles allow, the active one marked,
 * the user's name and a sign-out button; a customer also gets the live notification badge.
 */
export function header(current, active) {
    const links = [];
    const seen = new Set();
    for (const role of current.roles) {
        for (const [key, label, href] of PAGES[role] || []) {
            if (!seen.has(key)) {
                seen.add(key);
                links.push(el('a', {href, class: key === active ? 'active' : null, 'data-page': key}, label));
            }
        }
    }
    const top = document.getElementById('top');
    top.replaceChildren(el('a', {href: '/ui/', class: 'brand'}, 'Ordo marketplace'), el('nav', {}, links),
        el('span', {class: 'who', id: 'who'}, current.subject + ' (' + current.roles.join(', ') + ')'),
        current.is('customer') ? notificationBadge(current) : '',
        el('button', {type: 'button', id: 'logout', onclick: logout}, 'Sign out'));
}

/**
 * The customer's notifications: a badge counting those not yet opened and a list that opens on a click, kept
 * current by the live stream. What was opened is remembered in this browser.
 */
function notificationBadge(current) {
    const readKey = 'ordo.notifications.read.' + current.subject;
    const read = new Set(JSON.parse(localStorage.getItem(readKey) || '[]'));
    const known = new Map();
    const count = el('span', {class: 'count', id: 'notification-count'}, '0');
    const list = el('ol', {id: 'notification-list', class: 'notifications', hidden: true});
    const render = () => {
        const all = [...known.values()].sort((a, b) => String(b.at).localeCompare(String(a.at)));
        count.textContent = String(all.filter(n => !read.has(n.notificationId)).length);
        list.replaceChildren(...all.map(n => el('li', {class: read.has(n.notificationId) ? 'read' : 'unread'},
            el('a', {href: '/ui/order.html?id=' + n.orderId}, n.message), ' ', el('time', {}, when(n.at)))));
    };
    const add = n => {
        if (!known.has(n.notificationId)) {
            known.set(n.notificationId, {...n, at: n.sentAt || n.createdAt});
            render();
        }
    };
    const badge = el('button', {type: 'button', id: 'notifications', class: 'badge', title: 'Notifications',
        onclick: () => {
            list.hidden = !list.hidden;
            if (!list.hidden) {
                known.forEach((n, id) => read.add(id));
                localStorage.setItem(readKey, JSON.stringify([...read]));
                render();
            }
        }}, 'Notifications ', count);
    // attach to the stream first, then read what was sent before: nothing falls between the two
    window.ordoLive = window.ordoLive || {};
    window.ordoLive.notifications = live('/live/notifications', {
        notification: add,
        ready: () => api('/customers/' + current.customerId + '/notifications?limit=200')
            .then(all => all.forEach(add)).catch(showError)
    });
    return el('span', {class: 'notifications-box'}, badge, list);
}

/**
 * Follows a live stream of the API (Server-Sent Events read with fetch, so the token goes in the Authorization header)
 * and calls handlers[eventName](data, id) for each message. After the connection breaks it connects again, with
 * Last-Event-ID set to the last id it saw, so nothing is missed and nothing comes twice; "ready" is called on each
 * connection once the server has attached it. Returns {disconnect(), reconnect(), lastId()}.
 */
export function live(path, handlers) {
    let lastId = null;
    let controller = null;
    let stopped = false;
    let retry = 500;
    const connect = async () => {
        controller = new AbortController();
        const current = user();
        if (!current) {
            return;
        }
        const headers = {'Authorization': 'Bearer ' + current.token, 'Accept': 'text/event-stream'};
        if (lastId !== null) {
            headers['Last-Event-ID'] = lastId;
        }
        try {
            const response = await fetch(path, {headers, signal: controller.signal});
            if (!response.ok) {
                throw new Error(path + ' answered ' + response.status);
            }
            retry = 500;
            await read(response.body, (event, data, id) => {
                if (id !== null) {
                    lastId = id;
                }
                const handler = handlers[event];
                if (handler) {
                    handler(data ? JSON.parse(data) : null, id);
                }
            });
        } catch (e) {
            // a broken or refused connection: try again below
        }
        if (!stopped) {
            setTimeout(connect, retry);
            retry = Math.min(retry * 2, 10000);
        }
    };
    connect();
    return {
        disconnect() {
            stopped = true;
            if (controller) {
                controller.abort();
            }
        },
        reconnect() {
            if (stopped) {
                stopped = false;
                connect();
            }
        },
        lastId: () => lastId
    };
}

/** Reads an event stream, calling onMessage(event, data, id) per message (event defaults to "message"). */
async function read(body, onMessage) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = 'message';
    let data = [];
    let id = null;
    for (;;) {
        const {value, done} = await reader.read();
        if (done) {
            return;
        }
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n/)) >= 0) {
            const line = buffer.substring(0, end);
            buffer = buffer.substring(end + (buffer[end] === '\r' ? 2 : 1));
            if (line === '') {
                if (data.length || id !== null) {
                    onMessage(event, data.join('\n'), id);
                }
                event = 'message';
                data = [];
                id = null;
            } else if (!line.startsWith(':')) {
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.substring(0, colon);
                const value = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
                if (field === 'event') {
                    event = value;
                } else if (field === 'data') {
                    data.push(value);
                } else if (field === 'id') {
                    id = value;
                }
            }
        }
    }
}
