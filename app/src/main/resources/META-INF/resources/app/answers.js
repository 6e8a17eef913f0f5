// A team lead's answers to an offer — an order served alone or an activity, at `path` on team-service: accept
// with a crew and perhaps a time agreed, or decline with a reason; once accepted, complete naming who served and
// their hours.
import { html } from '/feiyan/ui.js';
import { call } from './api.js';
import { formError, refuse, submit, whyForm } from './forms.js';
import { t } from './session.js';
import { $ } from './view.js';

const REASONS = ['NO_CAPACITY', 'OUTSIDE_OUR_SERVICE', 'RESIDENT_UNREACHABLE', 'OTHER'];

/** The accept and decline forms of an offer; `id` prefixes the form's field ids. */
export function acceptOrDecline(actions, path, volunteers, acceptLabel, id) {
  actions.innerHTML = html`<form id="accept"><fieldset><legend>${t('crew')}</legend>${volunteers.map(p => html`<label class="choice">
      <input type="checkbox" name="volunteerIds" value="${p.volunteerId}">${p.name}</label>`)}</fieldset>
    <label for="${id}-when">${t('when')}</label><input id="${id}-when" name="scheduledFor" type="datetime-local">
    ${formError()}<button type="submit" class="primary wide">${acceptLabel}</button></form>
    ${whyForm('decline', ['reasonCode', 'declineReason', REASONS], ['reason', 'reasonWords'])}`;
  const accept = $('accept');
  accept.onsubmit = event => {
    event.preventDefault();
    const scheduled = accept.elements.scheduledFor.value;
    submit(accept, () => call('team', `${path}/accept`, { method: 'POST', body: {
      volunteerIds: [...accept.querySelectorAll('[name=volunteerIds]:checked')].map(box => box.value),
      scheduledFor: scheduled ? new Date(scheduled).toISOString() : null } }));
  };
  const decline = $('decline');
  decline.onsubmit = event => {
    event.preventDefault();
    submit(decline, () => call('team', `${path}/decline`, { method: 'POST', body: {
      reasonCode: decline.elements.reasonCode.value, reason: decline.elements.reason.value.trim() || null } }));
  };
}

/**
 * The completion form: who served — the crew named at acceptance first, then the rest of the team — with their
 * hours, and a summary; never hours alone, so every hour lands in someone's ledger.
 */
export function completeForm(actions, path, crewNamed, volunteers, completeLabel, id) {
  const name = volunteer => (volunteers.find(p => p.volunteerId === volunteer) || {}).name || volunteer;
  const crew = [...crewNamed, ...volunteers.map(p => p.volunteerId).filter(v => !crewNamed.includes(v))];
  actions.innerHTML = html`<form id="complete"><fieldset><legend>${t('servedBy')}</legend>${crew.map(v => html`<div class="row">
      <label for="h-${v}">${name(v)}</label>
      <input id="h-${v}" name="servedBy" data-volunteer="${v}" type="number" inputmode="decimal" min="0"
        max="24" step="0.5" placeholder="${t('hours')}"></div>`)}</fieldset>
    <label for="${id}-summary">${t('summary')}</label><textarea id="${id}-summary" name="summary" maxlength="2000"></textarea>
    ${formError()}<button type="submit" class="primary wide">${completeLabel}</button></form>`;
  const form = $('complete');
  form.onsubmit = event => {
    event.preventDefault();
    const servedBy = [...form.querySelectorAll('[name=servedBy]')].filter(input => input.value)
      .map(input => ({ volunteerId: input.dataset.volunteer, hours: Number(input.value) }));
    if (!servedBy.length) {
      return refuse(form, { body: { type: 'invalid-request', errors: [{ field: 'servedBy',
        reason: 'names each volunteer and their hours, more than 0 and at most 24' }] } });
    }
    submit(form, () => call('team', `${path}/complete`, { method: 'POST',
      body: { servedBy, summary: form.elements.summary.value.trim() || null } }));
  };
}
