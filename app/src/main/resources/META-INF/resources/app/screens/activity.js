// One of the team's activities — one visit serving several residents — live: the lead accepts it once with a crew and
// a time or declines it, then completes it once naming who served and their hours; each resident's order is listed
// as the team sees any order (its need, from intake), and opens on its own screen.
import { html } from '/feiyan/ui.js';
import { call } from '../api.js';
import { acceptOrDecline, completeForm } from '../answers.js';
import { loadProjects, project } from '../names.js';
import { is, state, t, when } from '../session.js';
import { $, back, live, show, statusBadge, tick } from '../view.js';

export default async function activityScreen(activityId) {
  await loadProjects();
  show(html`${back('#/inbox')}<h2 id="v-title"></h2><p class="meta" id="v-meta"></p>
    <div id="v-actions"></div><h3>${t('ordersOf')}</h3><ul class="cards" id="v-orders" aria-live="polite"></ul>`);
  const team = await call('team', '/api/volunteers?team=' + encodeURIComponent(state.claims.team));
  const volunteers = team.ok ? team.body : [];
  const needs = new Map();
  let status = null;
  await live(async () => {
    const result = await call('team', '/api/activities/' + activityId);
    if (!$('v-actions') || !result.ok) return;
    const v = result.body;
    $('v-title').textContent = project(v.projectCode);
    $('v-meta').innerHTML = html`${t('place', v.placeCode)} · ${t('residentsCount', v.residents)} · ${v.status === 'OFFERED'
      ? html`<span data-until="${v.acceptBy}"></span>` : v.scheduledFor ? when(v.scheduledFor)
      : `${t('deadline')} ${when(v.deadline)}`}`;
    for (const o of v.orders.filter(o => !needs.has(o.orderId))) {
      const order = await call('intake', '/api/orders/' + o.orderId);
      needs.set(o.orderId, order.ok ? order.body.description || '' : '');
    }
    $('v-orders').innerHTML = html`${v.orders.map(o => html`<li data-order="${o.orderId}"><a href="#/work/${o.orderId}">
      <div>${needs.get(o.orderId) || project(v.projectCode)} ${statusBadge(o.status)}</div>
      <div class="meta">${t('place', o.villageCode)}</div></a></li>`)}`;
    tick();
    if (v.status !== status) {
      status = v.status;
      activityActions(v, volunteers);
    }
  });
}

function activityActions(v, volunteers) {
  const actions = $('v-actions');
  const lead = is('team-lead');
  const path = `/api/activities/${v.activityId}`;
  if (v.status === 'OFFERED' && lead) {
    const waiting = v.orders.filter(o => o.status === 'OFFERED').length;
    acceptOrDecline(actions, path, volunteers, t('acceptAll', waiting), 'v');
  } else if (v.status === 'ACCEPTED' && lead) {
    completeForm(actions, path, v.crew, volunteers, t('completeOnce'), 'v');
  } else {
    actions.innerHTML = lead ? '' : html`<p class="meta">${t('leadOnly')}</p>`;
  }
}
