// A 飞燕 volunteer's follow-up visits: residents not content, or who never rated; what each visit found, recorded.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { formError, submit } from '../forms.js';
import { knowResidents, loadProjects, residentName } from '../names.js';
import { state, t, when } from '../session.js';
import { $, show } from '../view.js';

export default async function followUpsScreen() {
  show(html`<h2>${t('followUps')}</h2><ul id="follow-ups" class="cards"></ul>`);
  await loadProjects();
  const result = await call('feedback', '/api/follow-ups?village=' + encodeURIComponent(state.claims.region));
  if (!$('follow-ups')) return;
  if (!result.ok) return void ($('follow-ups').innerHTML = html`<li role="alert">${problem(result)}</li>`);
  await knowResidents(result.body.items.map(f => f.residentId));
  $('follow-ups').innerHTML = result.body.items.length ? html`${result.body.items.map(f => html`<li data-follow-up="${f.id}">
    <div class="card"><div>${residentName(f.residentId)} · ${t(f.reason)}</div>
    <div class="meta">${when(f.openedAt)}${f.rating ? ` · ${f.rating.score}/5` : ''}</div>
    ${f.rating && f.rating.comment ? html`<p class="text">${f.rating.comment}</p>` : ''}
    <form data-id="${f.id}"><fieldset><legend>${t('outcome')}</legend>
      <label class="choice"><input type="radio" name="outcome" value="RESOLVED" checked>${t('RESOLVED')}</label>
      <label class="choice"><input type="radio" name="outcome" value="REDO">${t('REDO')}</label></fieldset>
      <label for="n-${f.id}">${t('note')}</label><input id="n-${f.id}" name="note" maxlength="1000">
      ${formError()}<button type="submit" class="wide">${t('record')}</button></form></div></li>`)}`
    : html`<li><div class="card">${t('noFollowUps')}</div></li>`;
  $('follow-ups').querySelectorAll('form').forEach(form => {
    form.onsubmit = async event => {
      event.preventDefault();
      const result = await submit(form, () => call('feedback', `/api/follow-ups/${form.dataset.id}/outcome`, {
        method: 'POST', body: { outcome: form.querySelector('[name=outcome]:checked').value,
          note: form.elements.note.value.trim() || null } }));
      if (result.ok) form.outerHTML = html`<p role="status">${t('done')}</p>`;
    };
  });
}
