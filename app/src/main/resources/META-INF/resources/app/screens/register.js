// A 飞燕 volunteer registers a resident of their village: name, phone, ID number, household, a guardian.
import { html } from '/feiyan/ui.js';
import { call } from '../api.js';
import { formError, submit } from '../forms.js';
import { state, t } from '../session.js';
import { $, back, show } from '../view.js';

const TAGS = ['EMPTY_NEST_ELDERLY', 'LEFT_BEHIND_CHILD', 'SPECIAL_HARDSHIP', 'DISABILITY', 'CHRONIC_ILLNESS'];

export default function registerScreen() {
  show(html`${back('#/residents')}<h2>${t('register')}</h2>
    <form id="register" novalidate>
      <label for="r-name">${t('name')}</label><input id="r-name" name="name" autocomplete="off" required>
      <label for="r-phone">${t('phone')}</label><input id="r-phone" name="phone" type="tel" inputmode="tel" required>
      <label for="r-id">${t('idNumber')}</label><input id="r-id" name="idNumber" autocomplete="off" required>
      <fieldset><legend>${t('household')}</legend>${TAGS.map(tag => html`<label class="choice">
        <input type="checkbox" name="householdTags" value="${tag}">${t(tag)}</label>`)}</fieldset>
      <fieldset><legend>${t('guardian')}</legend>
        <label for="g-name">${t('guardianName')}</label><input id="g-name" name="guardian.name" autocomplete="off">
        <label for="g-phone">${t('guardianPhone')}</label><input id="g-phone" name="guardian.phone" type="tel" inputmode="tel">
        <label for="g-relation">${t('guardianRelation')}</label><input id="g-relation" name="guardian.relation"></fieldset>
      ${formError()}
      <button type="submit" class="primary wide">${t('save')}</button>
    </form>`);
  const form = $('register');
  form.onsubmit = async event => {
    event.preventDefault();
    const value = name => form.elements[name].value.trim();
    const guardian = value('guardian.name') || value('guardian.phone')
      ? { name: value('guardian.name'), phone: value('guardian.phone'), relation: value('guardian.relation') || null } : null;
    const result = await submit(form, () => call('intake', '/api/residents', { method: 'POST', body: {
      name: value('name'), phone: value('phone'), idNumber: value('idNumber').toUpperCase(),
      villageCode: state.claims.region, guardian,
      householdTags: [...form.querySelectorAll('[name=householdTags]:checked')].map(box => box.value) } }));
    const id = result.body && result.body.residentId;
    if (id) location.hash = '#/residents/' + id;
  };
}
