// The team's inbox, live: new offers with their time to accept, then what it accepted, scheduled and completed; an
// activity (one visit serving several residents) is one card among them, with how many residents and where; and the
// offers another team took first (offered to several teams at once: 抢单).
import { html } from '/feiyan/ui.js';
import { call } from '../api.js';
import { loadProjects, project } from '../names.js';
import { t, when, words } from '../session.js';
import { $, live, show, tick } from '../view.js';

const PARTS = ['offered', 'accepted', 'scheduled', 'completed', 'withdrawn'];

/** The part of the inbox an activity is in, by where it stands. */
const partOf = v => v.status === 'OFFERED' ? 'offered' : v.status === 'COMPLETED' ? 'completed'
  : v.status === 'ACCEPTED' ? (v.scheduledFor ? 'scheduled' : 'accepted') : null;

const activityCard = (v, part) => html`<li data-activity="${v.activityId}"><a href="#/activity/${v.activityId}">
  <div>${project(v.projectCode)} · ${t('residentsCount', v.residents)}</div><div class="meta">${t('place', v.placeCode)} · ${
  part === 'offered' ? html`<span data-until="${v.acceptBy}"></span>` : when(v.scheduledFor || v.completedAt || v.deadline)}</div>
  </a></li>`;

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
    const activities = part => (inbox.activities || []).filter(v => partOf(v) === part);
    $('inbox').innerHTML = html`${PARTS.filter(part => inbox[part]).map(part => html`<h3>${t(part)}</h3>
      <ul class="cards" id="inbox-${part}">${activities(part).map(v => activityCard(v, part))}${inbox[part].length
        ? inbox[part].map(a => part === 'withdrawn'
        ? html`<li data-order="${a.orderId}"><div class="card"><div>${project(a.projectCode)}</div><div class="meta">
        ${words().tier[a.tier] || a.tier} · ${t('takenBy', a.takenBy)} · ${when(a.withdrawnAt)}</div></div></li>`
        : html`<li data-order="${a.orderId}">
        <a href="#/work/${a.orderId}"><div>${project(a.projectCode)}</div><div class="meta">
        ${words().tier[a.tier] || a.tier} · ${part === 'offered' ? html`<span data-until="${a.acceptBy}"></span>`
          : when(a.scheduledFor || a.completedAt || a.deadline)}</div></a></li>`)
        : activities(part).length ? '' : html`<li><div class="card meta">${t('nothing')}</div></li>`}</ul>`)}`;
    tick();
  });
}
