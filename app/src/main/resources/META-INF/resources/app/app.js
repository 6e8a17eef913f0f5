// 一点就来 on a phone: the app for 飞燕 volunteers, team leads and members, and residents. It holds no data of its own
// but the orders waiting for a connection (outbox.js): every screen (screens/) is a call to the services' public
// APIs (api.js) with the signed-in user's token, as any outside client would. This is its frame: who is signed in,
// in which language, whether there is a connection; router.js draws the screen the address names.
import { saveLanguage } from '/feiyan/ui.js';
import * as outbox from './outbox.js';
import * as push from './push.js';
import { route, typed } from './router.js';
import { locale, me, session, state, t, whenSessionEnds } from './session.js';
import { $, leaveScreen, tick, toast } from './view.js';

function applyLanguage() {
  document.documentElement.lang = locale();
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('lang').textContent = t('language');
  $('nav').setAttribute('aria-label', t('menu'));
  network();
}

function network() {
  $('net').hidden = navigator.onLine;
  $('net').textContent = t('offline');
}

function signedOut(reason, offline) {
  $('view').hidden = $('nav').hidden = $('sign-out').hidden = $('notify').hidden = $('preferences').hidden = true;
  $('who').textContent = '';
  $('sign-in').hidden = false;
  $('sign-in-button').hidden = Boolean(offline);
  $('sign-in-error').textContent = reason || '';
}

/** Sends the orders kept on the phone; says so when some went, and shows them on the orders screen. */
async function flush() {
  if (await outbox.flush()) {
    toast(t('sentLater'));
    if (location.hash === '#/orders') route();
  }
}

/**
 * The button that turns notifications on, offered once signed in while they are off on this phone; the browser asks
 * for permission only on its tap. Turned on before, the subscription is given again for whoever signed in now.
 */
async function offerNotifications() {
  $('notify').hidden = !push.supported() || push.blocked() || await push.resume() === 'on';
}

function start() {
  state.claims = session.claims();
  $('sign-in').hidden = true;
  $('view').hidden = $('sign-out').hidden = $('preferences').hidden = false;
  $('who').textContent = [me(), state.claims.region || state.claims.team].filter(Boolean).join(' · ');
  route();
  flush();
  offerNotifications();
}

function begin() {
  if (!navigator.onLine) return signedOut(t('offlineStart'), true);
  session.begin(start, refusal => signedOut(t('signInFailed') + refusal), locale());
}

whenSessionEnds(() => signedOut(t('refused')));
$('sign-in').onsubmit = event => { event.preventDefault(); session.toLogin(locale()); };
$('sign-out').onclick = () => {
  leaveScreen();
  // this phone's notifications are no longer theirs; signing out does not wait long for that on a weak signal
  Promise.race([push.forget(), new Promise(resolve => setTimeout(resolve, 2000))]).catch(() => undefined)
    .then(() => session.signOut());
};
$('notify').onclick = async () => {
  const result = await push.turnOn();
  $('notify').hidden = result !== 'failed';
  toast(t({ on: 'notifyDone', blocked: 'notifyBlocked' }[result] || 'notifyFailed'));
};
$('lang').onclick = () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  saveLanguage(state.lang);
  applyLanguage();
  if (session.token()) route(typed());
};
window.addEventListener('hashchange', () => { if (session.token()) route(); });
window.addEventListener('offline', network);
window.addEventListener('online', () => {
  network();
  if (session.token()) flush();
  else begin();
});
setInterval(tick, 1000);
setInterval(flush, 10_000);
if ('serviceWorker' in navigator) {
  // a tapped notification (sw.js) names the screen to open: this window goes there, its session kept
  navigator.serviceWorker.addEventListener('message', event => {
    const link = event.data?.open;
    if (typeof link === 'string' && link.startsWith('#/')) location.hash = link;
  });
  // a new build's worker, installed beside this one, takes over once this page has loaded all it needs: from the
  // next start on, the page and every file are that build's (sw.js)
  navigator.serviceWorker.register('sw.js').then(registration => {
    const takeOver = () => registration.waiting?.postMessage('take-over');
    takeOver();
    registration.addEventListener('updatefound', () => registration.installing?.addEventListener('statechange', takeOver));
  }).catch(() => undefined);
}
applyLanguage();
begin();
