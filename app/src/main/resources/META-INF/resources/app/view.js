// Drawing a screen: the view, its heading focused; links back; badges; a passing message; and what a screen keeps
// running while it is shown (live screens ask again every two seconds: README "The app", why polling).
import { html } from '/feiyan/ui.js';
import { t, words } from './session.js';

const LIVE_EVERY = 2000;
const running = { intervals: [], typing: null, toast: null };

export const $ = id => document.getElementById(id);

/** The screen's markup in the view, its heading focused (a screen reader says where the user is). */
export function show(markup) {
  $('view').innerHTML = markup;
  const heading = $('view').querySelector('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

export const back = href => html`<a class="button" href="${href}">‹ ${t('back')}</a>`;
export const statusBadge = status => html`<span class="badge">${words().status[status] || status}</span>`;

export function toast(text) {
  $('toast').textContent = text;
  $('toast').hidden = false;
  clearTimeout(running.toast);
  running.toast = setTimeout(() => { $('toast').hidden = true; }, 4000);
}

/** Runs `work` now and every two seconds while this screen is shown and the page visible; done when the first is. */
export async function live(work) {
  running.intervals.push(setInterval(() => { if (!document.hidden) work(); }, LIVE_EVERY));
  await work();
}

/** Runs `work` once the user has stopped typing for a moment (a search as they type). */
export function afterTyping(work) {
  clearTimeout(running.typing);
  running.typing = setTimeout(work, 300);
}

/** Stops what the screen shown last keeps running. */
export function leaveScreen() {
  running.intervals.forEach(clearInterval);
  running.intervals = [];
  clearTimeout(running.typing);
}

/** Every countdown on the screen, to the second. */
export function tick() {
  document.querySelectorAll('[data-until]').forEach(el => {
    const left = Math.floor((new Date(el.dataset.until) - Date.now()) / 1000);
    if (left <= 0) return void (el.textContent = t('overdue'));
    const h = Math.floor(left / 3600);
    const m = Math.floor(left % 3600 / 60);
    const s = left % 60;
    el.textContent = t('timeLeft', `${h ? h + ':' : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`);
  });
}
