// One of the team's activities — one visit serving several residents — live: the lead accepts it once with a crew and
// a time or declines it, then completes it once naming who served and their hours; each resident's order is listed
// as the team sees any order (its need, from intake), and opens on its own screen.
import { html } from '/feiyan/ui.js';
import { call } from '../api.js';
import { formError, refuse, submit, whyForm } from '../forms.js';
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
  if (v.status === 'OFFERED' && lead) acceptOrDecline(actions, v, volunteers);
  else if (v.status === 'ACCEPTED' && lead) completeOnce(actions, v, volunteers);
  else actions.innerHTML = lead ? '' : html`<p class="meta">${t('leadOnly')}</p>`;
}

/** The activity's offer: accepted once with a crew and perhaps a time agreed, or declined with a reason. */
function acceptOrDecline(actions, v, volunteers) {
  const reasons = ['NO_CAPACITY', 'OUTSIDE_OUR_SERVICE', 'RESIDENT_UNREACHABLE', 'OTHER'];
  const waiting = v.orders.filter(o => o.status === 'OFFERED').length;
  actions.innerHTML = html`<form id="accept"><fieldset><legend>${t('crew')}</legend>${volunteers.map(p => html`<label class="choice">
      <input type="checkbox" name="volunteerIds" value="${p.volunteerId}">${p.name}</label>`)}</fieldset>
    <label for="v-when">${t('when')}</label><input id="v-when" name="scheduledFor" type="datetime-local">
    ${formError()}<button type="submit" class="primary wide">${t('acceptAll', waiting)}</button></form>
    ${whyForm('decline', ['reasonCode', 'declineReason', reasons], ['reason', 'reasonWords'])}`;
  const accept = $('accept');
  accept.onsubmit = event => {
    event.preventDefault();
    const scheduled = accept.elements.scheduledFor.value;
    submit(accept, () => call('team', `/api/activities/${v.activityId}/accept`, { method: 'POST', body: {
      volunteerIds: [...accept.querySelectorAll('[name=volunteerIds]:checked')].map(box => box.value),
      scheduledFor: scheduled ? new Date(scheduled).toISOString() : null } }));
  };
  const decline = $('decline');
  decline.onsubmit = event => {
    event.preventDefault();
    submit(decline, () => call('team', `/api/activities/${v.activityId}/decline`, { method: 'POST', body: {
      reasonCode: decline.elements.reasonCode.value, reason: decline.elements.reason.value.trim() || null } }));
  };
}

/** An accepted activity: completed once, naming who served and their hours; every order of it is completed. */
function completeOnce(actions, v, volunteers) {
  const name = id => (volunteers.find(p => p.volunteerId === id) || {}).name || id;
  const crew = [...v.crew, ...volunteers.map(p => p.volunteerId).filter(id => !v.crew.includes(id))];
  actions.innerHTML = html`<form id="complete"><fieldset><legend>${t('servedBy')}</legend>${crew.map(id => html`<div class="row">
      <label for="h-${id}">${name(id)}</label>
      <input id="h-${id}" name="servedBy" data-volunteer="${id}" type="number" inputmode="decimal" min="0"
        max="24" step="0.5" placeholder="${t('hours')}"></div>`)}</fieldset>
    <label for="v-summary">${t('summary')}</label><textarea id="v-summary" name="summary" maxlength="2000"></textarea>
    ${formError()}<button type="submit" class="primary wide">${t('completeOnce')}</button></form>`;
  const form = $('complete');
  form.onsubmit = event => {
    event.preventDefault();
    const servedBy = [...form.querySelectorAll('[name=servedBy]')].filter(input => input.value)
      .map(input => ({ volunteerId: input.dataset.volunteer, hours: Number(input.value) }));
    if (!servedBy.length) {
      return refuse(form, { body: { type: 'invalid-request', errors: [{ field: 'servedBy',
        reason: 'names each volunteer and their hours, more than 0 and at most 24' }] } });
    }
    submit(form, () => call('team', `/api/activities/${v.activityId}/complete`, { method: 'POST',
      body: { servedBy, summary: form.elements.summary.value.trim() || null } }));
  };
}
