// Placing an order at most once however often it is tried: each distinct order (its body) gets an Idempotency-Key that
// is kept in this tab until the API has answered for it, so a retry after a lost answer gets the first order back
// instead of placing a second one.

import {api, ApiError} from '/ui/js/ordo.js';

const PENDING = 'ordo.placement.pending';
const PAUSES_MS = [300, 1000, 2500];

/** A random UUID, also where crypto.randomUUID is missing (a page served over plain HTTP from another host). */
export function newKey() {
    if (crypto.randomUUID) {
        return crypto.randomUUID();
    }
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
        + hex.substring(16, 20) + '-' + hex.substring(20);
}

/**
 * POSTs the order ({customerId, items, shippingAddress}) and resolves to the placed order's view. A broken connection,
 * a 5xx or a "still in progress" 409 is retried a few times with the same key; the same order sent again later (the
 * user clicks once more after a failure) reuses the key too. Rejects with the ApiError of a refusal (the key is then
 * dropped: a refusal wrote nothing) or with the last failure once the retries are spent.
 */
export async function placeOrder(body) {
    const fingerprint = JSON.stringify(body);
    let pending = readPending();
    if (!pending || pending.fingerprint !== fingerprint) {
        pending = {key: newKey(), fingerprint};
        sessionStorage.setItem(PENDING, JSON.stringify(pending));
    }
    for (let attempt = 0; ; attempt++) {
        try {
            const order = await api('/orders', {method: 'POST', body, headers: {'Idempotency-Key': pending.key}});
            sessionStorage.removeItem(PENDING);
            return order;
        } catch (e) {
            if (!retryable(e)) {
                sessionStorage.removeItem(PENDING);
                throw e;
            }
            if (attempt >= PAUSES_MS.length) {
                throw e;
            }
            await new Promise(resolve => setTimeout(resolve, PAUSES_MS[attempt]));
        }
    }
}

function retryable(error) {
    if (!(error instanceof ApiError)) {
        return true;
    }
    return error.status >= 500 || (error.status === 409 && error.problem.rule === 'idempotency-in-progress');
}

function readPending() {
    try {
        return JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    } catch (e) {
        return null;
    }
}
