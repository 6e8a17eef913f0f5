// One of the team's orders, live: the lead accepts it with a crew or declines it, then completes it naming who served
// and their hours; while it is accepted, the team may reach the resident (each look audited).
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { acceptOrDecline, completeForm } from '../answers.js';
import { loadProjects, project } from '../names.js';
import { is, state, t, when, words } from '../session.js';
import { $, back, live, show, tick } from '../view.js';

export default async function workScreen(orderId) {
  await loadProjects();
  show(html`${back('#/inbox')}<h2 id="w-title"></h2><p class="meta" id="w-meta"></p><p class="text" id="w-description"></p>
    <div id="w-actions"></div><div id="w-contact"></div>`);
  const order = await call('intake', '/api/orders/' + orderId);
  const team = await call('team', '/api/volunteers?team=' + encodeURIComponent(state.claims.team));
  const volunteers = team.ok ? team.body : [];
  let status = null;
  await live(async () => {
    const result = await call('team', '/api/assignments/' + orderId);
    if (!$('w-actions') || !result.ok) return;
    const a = result.body;
    $('w-title').textContent = project(a.projectCode);
    // offered to several teams at once, another may have taken it first
    const taken = a.status !== 'OFFERED' && a.teamCode !== state.claims.team && (a.offeredTo || []).includes(state.claims.team);
    $('w-meta').innerHTML = taken ? html`${words().tier[a.tier] || a.tier} · ${t('takenBy', a.teamCode)}`
      : html`${words().tier[a.tier] || a.tier} · ${t(a.status === 'OFFERED' ? 'offered'
      : a.status === 'ACCEPTED' ? 'accepted' : 'completed')} · ${a.status === 'OFFERED'
      ? html`<span data-until="${a.acceptBy}"></span>` : `${t('deadline')} ${when(a.deadline)}`}`;
    $('w-description').textContent = order.ok ? [order.body.description, when(order.body.preferredFrom)].filter(Boolean).join(' · ') : '';
    tick();
    if (taken) {
      status = 'TAKEN';
      $('w-actions').innerHTML = '';
      $('w-contact').innerHTML = '';
    } else if (a.status !== status) {
      status = a.status;
      workActions(a, volunteers);
    }
  });
}

function workActions(a, volunteers) {
  const actions = $('w-actions');
  const lead = is('team-lead');
  if (a.activityId) {
    // an order of an activity is answered for with its activity, once for all its residents
    actions.innerHTML = html`<a class="button wide" href="#/activity/${a.activityId}">${t('activity')}</a>`;
  } else if (a.status === 'OFFERED' && lead) {
    acceptOrDecline(actions, `/api/assignments/${a.orderId}`, volunteers, t('accept'), 'a');
  } else if (a.status === 'ACCEPTED' && lead) {
    completeForm(actions, `/api/assignments/${a.orderId}`, a.crew, volunteers, t('complete'), 's');
  } else {
    actions.innerHTML = lead ? '' : html`<p class="meta">${t('leadOnly')}</p>`;
  }
  $('w-contact').innerHTML = a.status === 'ACCEPTED'
    ? html`<button type="button" id="contact" class="wide">${t('contact')}</button><p class="meta">${t('contactNote')}</p>` : '';
  if ($('contact')) {
    $('contact').onclick = async () => {
      const result = await call('intake', `/api/orders/${a.orderId}/contact`);
      const c = result.body || {};
      $('w-contact').innerHTML = result.ok ? html`<div class="card"><div>${c.name}</div>
        <a class="button wide" href="tel:${c.phone}">${c.phone}</a>
        ${c.guardianName ? html`<p class="meta">${t('guardian')}: ${c.guardianName} ${c.guardianRelation}
        <a href="tel:${c.guardianPhone}">${c.guardianPhone}</a></p>` : ''}</div>`
        : html`<p role="alert">${problem(result)}</p>`;
    };
  }
}
