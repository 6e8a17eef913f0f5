// Who is signed in, in which language, and where the services are: what every part of the app asks.
import { signInWith } from '/feiyan/sign-in.js';
import { dateTime, localeOf, savedLanguage, wordsOf } from '/feiyan/ui.js';
import { TEXT } from './text.js';

/**
 * What intake put into the page: the realm, the app's client, team's, feedback's and notification's addresses, the
 * county's zone.
 */
export const CONFIG = document.querySelector('meta[name="feiyan-app"]').dataset;
export const state = { lang: savedLanguage(), claims: {} };

/** The dictionary in the user's language; t(key, ...facts) its words for one thing. */
export const words = () => TEXT[state.lang];
export const t = wordsOf(TEXT, () => state.lang);
export const locale = () => localeOf(state.lang);
/** A moment as the county's clocks show it. */
export const when = iso => dateTime(iso, CONFIG.zone, state.lang);

let ended = () => undefined;
export const session = signInWith({ issuer: CONFIG.issuer, client: CONFIG.client, onEnded: () => ended() });
/** What to do when the session ends (a refresh refused), just before the login page. */
export const whenSessionEnds = then => { ended = then; };

export const is = role => (state.claims.groups || []).includes(role);
export const me = () => state.claims.upn || state.claims.sub;
