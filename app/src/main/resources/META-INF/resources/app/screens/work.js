// One of the team's orders, live: the lead accepts it with a crew or declines it, then completes it naming who served
// and their hours; while it is accepted, the team may reach the resident (each look audited).
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { formError, refuse, submit, whyForm } from '../forms.js';
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
    offerActions(actions, a, volunteers);
  } else if (a.status === 'ACCEPTED' && lead) {
    completeAction(actions, a, volunteers);
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

/** An offer: accepted with a crew and perhaps a time agreed, or declined with a reason. */
function offerActions(actions, a, volunteers) {
  const reasons = ['NO_CAPACITY', 'OUTSIDE_OUR_SERVICE', 'RESIDENT_UNREACHABLE', 'OTHER'];
  actions.innerHTML = html`<form id="accept"><fieldset><legend>${t('crew')}</legend>${volunteers.map(v => html`<label class="choice">
      <input type="checkbox" name="volunteerIds" value="${v.volunteerId}">${v.name}</label>`)}</fieldset>
    <label for="a-when">${t('when')}</label><input id="a-when" name="scheduledFor" type="datetime-local">
    ${formError()}<button type="submit" class="primary wide">${t('accept')}</button></form>
    ${whyForm('decline', ['reasonCode', 'declineReason', reasons], ['reason', 'reasonWords'])}`;
  const accept = $('accept');
  accept.onsubmit = event => {
    event.preventDefault();
    const scheduled = accept.elements.scheduledFor.value;
    submit(accept, () => call('team', `/api/assignments/${a.orderId}/accept`, { method: 'POST', body: {
      volunteerIds: [...accept.querySelectorAll('[name=volunteerIds]:checked')].map(box => box.value),
      scheduledFor: scheduled ? new Date(scheduled).toISOString() : null } }));
  };
  const decline = $('decline');
  decline.onsubmit = event => {
    event.preventDefault();
    submit(decline, () => call('team', `/api/assignments/${a.orderId}/decline`, { method: 'POST', body: {
      reasonCode: decline.elements.reasonCode.value, reason: decline.elements.reason.value.trim() || null } }));
  };
}

/** An accepted order: completed naming who served and their hours. */
function completeAction(actions, a, volunteers) {
  const name = id => (volunteers.find(v => v.volunteerId === id) || {}).name || id;
  // the crew named at acceptance first, then the rest of the team
  const crew = [...a.crew, ...volunteers.map(v => v.volunteerId).filter(id => !a.crew.includes(id))];
  actions.innerHTML = html`<form id="complete"><fieldset><legend>${t('servedBy')}</legend>${crew.map(id => html`<div class="row">
      <label for="h-${id}">${name(id)}</label>
      <input id="h-${id}" name="servedBy" data-volunteer="${id}" type="number" inputmode="decimal" min="0"
        max="24" step="0.5" placeholder="${t('hours')}"></div>`)}</fieldset>
    <label for="s-summary">${t('summary')}</label><textarea id="s-summary" name="summary" maxlength="2000"></textarea>
    ${formError()}<button type="submit" class="primary wide">${t('complete')}</button></form>`;
  const form = $('complete');
  form.onsubmit = event => {
    event.preventDefault();
    const servedBy = [...form.querySelectorAll('[name=servedBy]')].filter(input => input.value)
      .map(input => ({ volunteerId: input.dataset.volunteer, hours: Number(input.value) }));
    if (!servedBy.length) {
      return refuse(form, { body: { type: 'invalid-request', errors: [{ field: 'servedBy',
        reason: 'names each volunteer and their hours, more than 0 and at most 24' }] } });
    }
    submit(form, () => call('team', `/api/assignments/${a.orderId}/complete`, { method: 'POST',
      body: { servedBy, summary: form.elements.summary.value.trim() || null } }));
  };
}
