// An order for a resident — a project of their menu, or something else in their own words — placed at once, or kept
// on the phone until there is a connection (outbox.js); a 飞燕 volunteer may record a need solved on the spot, or add
// the resident to a planned activity of the village (its id the third part of the address), or place what the resident
// wrote to the county's WeChat account (channel WECHAT), having called them to confirm it.
import { html } from '/feiyan/ui.js';
import { call } from '../api.js';
import { formError, refuse } from '../forms.js';
import { knowsResident, nameResident, project, residentName } from '../names.js';
import * as outbox from '../outbox.js';
import { waitingNeeds } from './wechat-needs.js';
import { me, state, t } from '../session.js';
import { $, back, show } from '../view.js';

const CATEGORIES = ['DAILY_LIFE', 'ELDERLY_CARE', 'MEDICAL', 'CULTURE', 'EDUCATION', 'LEGAL_AID'];
const URGENCIES = ['ROUTINE', 'URGENT', 'CRITICAL', 'COMPLEX'];

export default async function orderScreen(residentId, code, activityId, needId) {
  const self = residentId === state.claims.resident;
  const need = needId ? await weChatNeed(needId) : null;
  if (!knowsResident(residentId)) {
    const who = await call('intake', '/api/residents/' + residentId);
    if (who.ok) nameResident(residentId, who.body.name);
  }
  const other = code === 'other';
  // critical and urgent needs never wait for a group
  const urgencies = activityId ? ['ROUTINE', 'COMPLEX'] : URGENCIES;
  show(html`${back(activityId ? '#/activities' : needId ? '#/wechat-needs' : '#/residents/' + residentId)}<h2>${self
    ? t('orderForMe') : t('orderFor', residentName(residentId))}</h2>${activityId
    ? html`<p class="meta">${t('joinsActivity', project(code))}</p>` : ''}${needId
    ? html`<p class="meta">${t('fromWeChat')}</p>` : ''}
    <form id="order" novalidate>
      ${other ? html`<label for="o-category">${t('category')}</label><select id="o-category" name="category">
          ${CATEGORIES.map(c => html`<option value="${c}">${t(c)}</option>`)}</select>`
        : html`<p><strong>${t('project')}：</strong>${project(code)}</p>`}
      <label for="o-description">${t('description')}</label>
      <textarea id="o-description" name="description" maxlength="4000" placeholder="${t('descriptionHint')}"></textarea>
      <fieldset><legend>${t('urgency')}</legend>${urgencies.map(u => html`<label class="choice">
        <input type="radio" name="urgency" value="${u}"${u === 'ROUTINE' ? ' checked' : ''}>${t(u)}</label>`)}</fieldset>
      <label for="o-when">${t('preferred')}</label><input id="o-when" name="preferredFrom" type="datetime-local">
      ${self ? '' : html`<label class="choice"><input type="checkbox" name="residentConsent" id="o-consent">${t('consent')}</label>`}
      ${self || activityId || !state.claims.volunteer ? '' : html`<label class="choice"><input type="checkbox" id="o-spot" name="solvedOnTheSpot"
          aria-controls="o-spot-hours">${t('solvedHere')}</label>
        <div id="o-spot-hours" hidden><label for="o-hours">${t('spotHours')}</label>
          <input id="o-hours" name="solvedOnTheSpot.hours" type="number" inputmode="decimal" min="0.5" max="24" step="0.5"></div>`}
      ${formError()}
      <button type="submit" class="primary wide">${t('send')}</button>
    </form>`);
  const form = $('order');
  if (need) form.elements.description.value = need.text;
  const spot = $('o-spot');
  if (spot) spot.onchange = () => { $('o-spot-hours').hidden = !spot.checked; };
  form.onsubmit = async event => {
    event.preventDefault();
    const description = form.elements.description.value.trim();
    const spotHours = spot && spot.checked ? Number($('o-hours').value) : null;
    const from = form.elements.preferredFrom.value ? new Date(form.elements.preferredFrom.value) : null;
    const body = { residentId, urgency: form.querySelector('[name=urgency]:checked').value,
      ...(other ? { category: form.elements.category.value } : { projectCode: code }),
      ...(description ? { description } : {}),
      ...(self ? {} : { residentConsent: form.elements.residentConsent.checked }),
      ...(from ? { preferredFrom: from.toISOString(), preferredTo: new Date(from.getTime() + 2 * 3600_000).toISOString() } : {}),
      ...(spotHours === null ? {} : { solvedOnTheSpot: { hours: spotHours } }),
      ...(activityId ? { activityId } : {}), ...(needId ? { channel: 'WECHAT' } : {}) };
    // what cannot be right is said here, before it waits on the phone for a connection
    const errors = [
      ...(other && !description ? [{ field: 'description', reason: 'is required' }] : []),
      ...(body.residentConsent === false ? [{ field: 'residentConsent',
        reason: "must be true: a volunteer orders only with the resident's consent" }] : []),
      ...(spotHours !== null && !(spotHours > 0 && spotHours <= 24) ? [{ field: 'solvedOnTheSpot.hours',
        reason: 'is more than 0 and at most 24' }] : [])];
    if (errors.length) return refuse(form, { body: { type: 'invalid-request', errors } });
    const entry = { key: crypto.randomUUID(), body, who: me(), keptAt: new Date().toISOString(), needId,
      label: { resident: residentName(residentId), project: other ? t(body.category) : project(code) } };
    await outbox.keep(entry);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    const outcome = await outbox.send(entry).finally(() => { button.disabled = false; });
    if (outcome.order) location.hash = '#/orders/' + outcome.order.orderId;
    else if (outcome.waiting) location.hash = '#/orders';
    else {
      await outbox.forget(entry.key);
      refuse(form, outcome.refused);
    }
  };
}

/** The need from WeChat the order is for, if it still waits (its words fill in the description). */
async function weChatNeed(id) {
  const needs = await waitingNeeds();
  return needs.ok ? needs.body.find(need => need.id === id) || null : null;
}
