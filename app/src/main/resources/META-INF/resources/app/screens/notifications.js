// How the signed-in user is told: by which of the channels open to them, the quiet hours (only critical news comes
// then, the rest when they end), and for a team member, being on duty (told of the team's offers as its leads are).
// Push to this phone is turned on by the header's button, on a tap; here one chooses whether to be told by push at all.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { formError, submit } from '../forms.js';
import { is, t, words } from '../session.js';
import { $, show, toast } from '../view.js';

const PREFERENCES = '/api/notifications/preferences';
/** Equal ends: no quiet hours. */
const NO_QUIET_HOURS = '00:00-00:00';

export default async function notificationsScreen() {
  show(html`<h2>${t('notifications')}</h2><div id="preferences"></div>`);
  const mine = await call('notification', PREFERENCES);
  if (!$('preferences')) return;
  if (!mine.ok) return void ($('preferences').innerHTML = html`<p role="alert">${problem(mine)}</p>`);
  const [from, to] = mine.body.quietHours.split('-');
  const quiet = from !== to;
  $('preferences').innerHTML = html`<form id="notification-preferences" novalidate>
    <fieldset><legend>${t('toldBy')}</legend>${mine.body.open.map(channel => html`<label class="choice">
      <input type="checkbox" name="channels" value="${channel}"${mine.body.channels.includes(channel) ? ' checked' : ''}>
      ${words().channel[channel]}</label>`)}</fieldset>
    <fieldset><legend>${t('quietHours')}</legend><p class="meta">${t('quietHint')}</p>
      <label class="choice"><input type="checkbox" id="p-quiet" name="quiet"${quiet ? ' checked' : ''}>${t('quietOn')}</label>
      <div class="row"><span><label for="p-from">${t('quietFrom')}</label>
        <input id="p-from" name="quietHours" type="time" value="${quiet ? from : '22:00'}"></span>
      <span><label for="p-to">${t('quietTo')}</label>
        <input id="p-to" name="quietTo" type="time" value="${quiet ? to : '07:00'}"></span></div></fieldset>
    ${is('team-member') ? html`<label class="choice"><input type="checkbox" id="p-on-duty" name="onDuty"${mine.body.onDuty
      ? ' checked' : ''}>${t('onDutyChoice')}</label>` : ''}
    ${formError()}<button type="submit" class="primary wide">${t('save')}</button></form>`;
  const form = $('notification-preferences');
  const hours = () => { $('p-from').disabled = $('p-to').disabled = !$('p-quiet').checked; };
  $('p-quiet').onchange = hours;
  hours();
  form.onsubmit = async event => {
    event.preventDefault();
    const result = await submit(form, () => call('notification', PREFERENCES, { method: 'PUT', body: {
      channels: [...form.querySelectorAll('[name=channels]:checked')].map(box => box.value),
      quietHours: $('p-quiet').checked ? `${$('p-from').value}-${$('p-to').value}` : NO_QUIET_HOURS,
      onDuty: Boolean($('p-on-duty')?.checked) } }));
    if (result.ok) toast(t('preferencesSaved'));
  };
}
