// Signing in at the issuer with the authorization-code grant and PKCE (RFC 7636), as a public client: the browser
// goes to the issuer's login page and comes back to /ui/callback.html with a code, which this page exchanges for the
// user's token. The issuer's endpoints and the pages' client come from GET /sign-in.

import {ApiError, keepToken, startPage} from '/ui/js/ordo.js';

const FLOW_KEY = 'ordo.sign-in';

/** How this app signs users in: {authorizationUri, tokenUri, clientId, scope, demoUsers}. */
export async function settings() {
    const response = await fetch('/sign-in', {headers: {'Accept': 'application/json'}});
    if (!response.ok) {
        throw new ApiError(response.status, {title: 'Sign-in settings unavailable'});
    }
    return response.json();
}

/** Sends the browser to the issuer's login page; it comes back to the callback page, which then goes to next. */
export async function signInAtTheIssuer(next) {
    const signIn = await settings();
    const verifier = randomText(48);
    const state = randomText(16);
    const redirectUri = location.origin + '/ui/callback.html';
    sessionStorage.setItem(FLOW_KEY, JSON.stringify({verifier, state, next, redirectUri,
        tokenUri: signIn.tokenUri, clientId: signIn.clientId}));
    const query = new URLSearchParams({response_type: 'code', client_id: signIn.clientId, redirect_uri: redirectUri,
        code_challenge: await challenge(verifier), code_challenge_method: 'S256', state});
    if (signIn.scope) {
        query.set('scope', signIn.scope);
    }
    location.href = signIn.authorizationUri + '?' + query;
}

/**
 * On the callback page: checks the state, exchanges the code for a token, keeps it, and returns where to go next.
 * Throws an ApiError when the issuer refused or the answer does not belong to a sign-in this tab started.
 */
export async function finishSignIn() {
    const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
    sessionStorage.removeItem(FLOW_KEY);
    const answer = new URLSearchParams(location.search);
    if (answer.get('error')) {
        throw new ApiError(401, {title: 'Sign-in refused', detail: answer.get('error_description') || answer.get('error')});
    }
    if (!flow || answer.get('state') !== flow.state || !answer.get('code')) {
        throw new ApiError(400, {title: 'Sign-in not recognised', detail: 'this answer does not belong to a sign-in '
                + 'started in this tab; sign in again'});
    }
    const response = await fetch(flow.tokenUri, {
        method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'},
        body: new URLSearchParams({grant_type: 'authorization_code', code: answer.get('code'),
            redirect_uri: flow.redirectUri, client_id: flow.clientId, code_verifier: flow.verifier})
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || !body.access_token) {
        throw new ApiError(response.status, {title: 'Sign-in refused', detail: body.error_description || body.error
                || 'the issuer answered ' + response.status});
    }
    const current = keepToken(body.access_token);
    return flow.next && flow.next.startsWith('/ui/') ? flow.next : startPage(current);
}

function randomText(bytes) {
    return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challenge(verifier) {
    return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

function base64Url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
