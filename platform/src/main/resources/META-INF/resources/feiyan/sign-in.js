// Signing in through the county's Keycloak, for the pages Feiyan serves (the dashboard; the app): OpenID Connect's
// authorization code with PKCE, for a public client of the realm. The tokens live in the page's memory only and are
// refreshed half a minute before they expire; the code verifier and state wait in sessionStorage for the trip to the
// login page and back. Every service serves this file at /feiyan/sign-in.js (the platform's static resources).

const base64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/**
 * A sign-in for the realm `issuer` and its public `client`; `onEnded(reason)` is told when the session ends (a refresh
 * refused) just before the browser goes to the login page again.
 */
export function signInWith({ issuer, client, onEnded }) {
  const oidc = issuer + '/protocol/openid-connect';
  const pending = 'feiyan.sign-in.' + client;
  // leaving: signing out is under way; nothing may send the browser elsewhere meanwhile (a call refused for want of a
  // token would otherwise send it to the login page, which signs it straight back in: the session not yet ended)
  const session = { access: null, refresh: null, id: null, timer: null, leaving: false };
  const here = () => location.origin + location.pathname;

  /** To the login page; it sends the browser back here with a code (signed in already: at once). */
  async function toLogin(locale) {
    if (session.leaving) return;
    const verifier = randomText();
    const expected = randomText();
    sessionStorage.setItem(pending, JSON.stringify({ verifier, state: expected, view: location.search }));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    location.assign(oidc + '/auth?' + new URLSearchParams({ client_id: client, redirect_uri: here(),
      response_type: 'code', scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256',
      state: expected, ...(locale ? { ui_locales: locale } : {}) }));
  }

  /**
   * Tokens from the token endpoint, the next refresh set half a minute before the access token expires: true; false
   * when Keycloak refused; null when it could not be reached (no connection: the session may well be alive).
   */
  async function obtain(grant) {
    let response;
    try {
      response = await fetch(oidc + '/token', { method: 'POST', cache: 'no-store',
        body: new URLSearchParams({ client_id: client, ...grant }) });
    } catch {
      return null;
    }
    try {
      if (!response.ok) return false;
      const body = await response.json();
      session.access = body.access_token;
      session.refresh = body.refresh_token;
      session.id = body.id_token || session.id;
      clearTimeout(session.timer);
      session.timer = setTimeout(renew, Math.max(5, body.expires_in - 30) * 1000);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Back from the login page: the code for tokens, the page's query as it was. True when signed in; false when this
   * is no such return; an error's words when the login page or the token endpoint refused.
   */
  async function returnFromLogin() {
    const query = new URLSearchParams(location.search);
    const saved = JSON.parse(sessionStorage.getItem(pending) || 'null');
    sessionStorage.removeItem(pending);
    if (!saved || query.get('state') !== saved.state) return false;
    history.replaceState(null, '', location.pathname + saved.view);
    if (query.get('error')) return query.get('error_description') || query.get('error');
    return await obtain({ grant_type: 'authorization_code', code: query.get('code'), redirect_uri: here(),
      code_verifier: saved.verifier }) || 'Keycloak refused the code';
  }

  /**
   * A fresh access token with the refresh token; with no connection, again in a quarter of a minute; when the
   * session has ended, the login page again.
   */
  async function renew() {
    if (session.leaving) return false;
    const renewed = session.refresh ? await obtain({ grant_type: 'refresh_token', refresh_token: session.refresh }) : false;
    if (renewed) return true;
    if (renewed === null) {
      clearTimeout(session.timer);
      session.timer = setTimeout(renew, 15_000);
      return false;
    }
    session.access = session.refresh = null;
    if (onEnded) onEnded();
    toLogin();
    return false;
  }

  /** Ends the session at Keycloak, which sends the browser back here, and so to the login page. */
  function signOut() {
    session.leaving = true;
    const hint = session.id;
    session.access = session.refresh = session.id = null;
    clearTimeout(session.timer);
    location.assign(oidc + '/logout?' + new URLSearchParams({ client_id: client, post_logout_redirect_uri: here(),
      ...(hint ? { id_token_hint: hint } : {}) }));
  }

  /** Who the access token names, for the page's header only: the services verify the token, the page reads it. */
  function claims() {
    try {
      const base64 = session.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(base64), c => c.charCodeAt(0))));
    } catch {
      return {};
    }
  }

  /** A call with the token; null when it was refused (the session is renewed, or the login page is next). */
  async function call(path, options = {}) {
    const used = session.access;
    const response = await fetch(path, { ...options, cache: 'no-store',
      headers: { ...(options.headers || {}), Authorization: 'Bearer ' + used } });
    if (response.status === 401) {
      refused(used);
      return null;
    }
    return response;
  }

  /** A token was refused (a call, or a stream): renew the session, unless it was renewed meanwhile. */
  function refused(used) {
    if (session.access === used) renew();
  }

  /**
   * On the page's load: back from the login page, signed in (`onSignedIn`); or off to it; or refused there, in
   * words (`onRefused`: no second trip, it would end the same way).
   */
  async function begin(onSignedIn, onRefused, locale) {
    const signedIn = await returnFromLogin();
    if (signedIn === true) onSignedIn();
    else if (signedIn === false) toLogin(locale);
    else onRefused(signedIn);
  }

  return { token: () => session.access, toLogin, begin, call, refused, renew, signOut, claims };
}

/** The words of a problem the services answered (application/problem+json), or the status. */
export async function problemWords(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || `${response.status}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}
