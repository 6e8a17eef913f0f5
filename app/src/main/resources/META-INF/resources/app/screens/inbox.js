// The team's inbox, live: new offers with their time to accept, then what it accepted, scheduled and completed, and
// the offers another team took first (offered to several teams at once: 抢单).
import { html } from '/feiyan/ui.js';
import { call } from '../api.js';
import { loadProjects, project } from '../names.js';
import { t, when, words } from '../session.js';
import { $, live, show, tick } from '../view.js';

const PARTS = ['offered', 'accepted', 'scheduled', 'completed', 'withdrawn'];

export default async function inboxScreen() {
  show(html`<h2>${t('inbox')}</h2><div id="inbox" aria-live="polite"></div>`);
  await loadProjects();
  let shown = null;
  await live(async () => {
    const result = await call('team', '/api/assignments/inbox');
    if (!$('inbox') || !result.ok) return;
    const json = JSON.stringify(result.body);
    if (json === shown) return;
    shown = json;
    const inbox = result.body;
    $('inbox').innerHTML = html`${PARTS.filter(part => inbox[part]).map(part => html`<h3>${t(part)}</h3>
      <ul class="cards" id="inbox-${part}">${inbox[part].length ? inbox[part].map(a => part === 'withdrawn'
        ? html`<li data-order="${a.orderId}"><div class="card"><div>${project(a.projectCode)}</div><div class="meta">
        ${words().tier[a.tier] || a.tier} · ${t('takenBy', a.takenBy)} · ${when(a.withdrawnAt)}</div></div></li>`
        : html`<li data-order="${a.orderId}">
        <a href="#/work/${a.orderId}"><div>${project(a.projectCode)}</div><div class="meta">
        ${words().tier[a.tier] || a.tier} · ${part === 'offered' ? html`<span data-until="${a.acceptBy}"></span>`
          : when(a.scheduledFor || a.completedAt || a.deadline)}</div></a></li>`)
        : html`<li><div class="card meta">${t('nothing')}</div></li>`}</ul>`)}`;
    tick();
  });
}
