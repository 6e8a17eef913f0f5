// A 飞燕 volunteer's village's planned activities — one visit serving several residents, such as an opera on the
// square — and a resident of hers added to one: chosen here, then ordered for with her consent (the order screen,
// which places it with the activity's id).
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { loadProjects, nameResident, project } from '../names.js';
import { state, t, when } from '../session.js';
import { $, live, show } from '../view.js';

export default async function activitiesScreen() {
  show(html`<h2>${t('activities')}</h2><p id="a-notice" role="alert" hidden></p>
    <ul id="activities" class="cards" aria-live="polite"></ul>`);
  await loadProjects();
  const village = encodeURIComponent(state.claims.region);
  const people = await call('intake', `/api/residents?size=100&village=${village}`);
  const residents = people.ok ? people.body.items : [];
  residents.forEach(r => nameResident(r.residentId, r.name));
  let shown = null;
  await live(async () => {
    const result = await call('intake', `/api/activities?village=${village}`);
    if (!$('activities') || result.refused) return;
    $('a-notice').hidden = result.ok;
    if (!result.ok) {
      $('a-notice').textContent = t('failed') + problem(result);
      return;
    }
    const json = JSON.stringify(result.body);
    if (json === shown) return;
    shown = json;
    $('activities').innerHTML = result.body.length ? html`${result.body.map(a => html`<li data-activity="${a.activityId}">
      <div class="card"><div>${project(a.projectCode)} · ${t('residentsCount', a.residents)}</div>
      <div class="meta">${a.teamName || a.teamCode} · ${a.scheduledFor ? when(a.scheduledFor) : t('notScheduled')}</div>
      <form data-join="${a.activityId}" data-project="${a.projectCode}"><label for="j-${a.activityId}">${t('chooseResident')}</label>
        <select id="j-${a.activityId}" name="residentId">${residents.map(r => html`<option value="${r.residentId}">${r.name}</option>`)}</select>
        <button type="submit" class="wide">${t('addResident')}</button></form></div></li>`)}`
      : html`<li><div class="card">${t('noActivities')}</div></li>`;
    $('activities').querySelectorAll('form[data-join]').forEach(form => {
      form.onsubmit = event => {
        event.preventDefault();
        location.hash = `#/order/${form.elements.residentId.value}/${form.dataset.project}/${form.dataset.join}`;
      };
    });
  });
}
