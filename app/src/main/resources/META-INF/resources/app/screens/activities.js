// A 飞燕 volunteer's village's planned activities — one visit serving several residents, such as an opera on the
// square — and a resident of hers added to one: found by name or phone here, then ordered for with her consent (the
// order screen, which places the order with the activity's id).
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { loadProjects, nameResident, project } from '../names.js';
import { state, t, when } from '../session.js';
import { $, afterTyping, live, show } from '../view.js';

export default async function activitiesScreen() {
  show(html`<h2>${t('activities')}</h2><p id="a-notice" role="alert" hidden></p>
    <ul id="activities" class="cards" aria-live="polite"></ul>`);
  await loadProjects();
  const village = state.claims.region;
  let shown = null;
  await live(async () => {
    const result = await call('intake', '/api/activities?village=' + encodeURIComponent(village));
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
      <form role="search" data-join="${a.activityId}" data-project="${a.projectCode}">
        <label for="j-${a.activityId}">${t('addResident')}: ${t('find')}</label>
        <input id="j-${a.activityId}" name="q" type="search" autocomplete="off"></form>
      <ul class="cards" id="j-found-${a.activityId}"></ul></div></li>`)}`
      : html`<li><div class="card">${t('noActivities')}</div></li>`;
    $('activities').querySelectorAll('form[data-join]').forEach(form => {
      const find = () => findResidents(village, form);
      form.onsubmit = event => { event.preventDefault(); find(); };
      form.elements.q.oninput = () => afterTyping(find);
    });
  });
}

/** The village's residents the volunteer looks for, each a link to ordering for them in the activity. */
async function findResidents(village, form) {
  const text = form.elements.q.value.trim();
  const found = $('j-found-' + form.dataset.join);
  if (!text || !found) return;
  const result = await call('intake', '/api/residents?' + new URLSearchParams({ village, q: text }));
  if (!result.ok) return;
  result.body.items.forEach(r => nameResident(r.residentId, r.name));
  found.innerHTML = result.body.items.length ? html`${result.body.items.map(r => html`<li data-resident="${r.residentId}">
    <a href="#/order/${r.residentId}/${form.dataset.project}/${form.dataset.join}"><div>${r.name}</div>
    <div class="meta">${r.phone}</div></a></li>`)}` : html`<li><div class="card">${t('none')}</div></li>`;
}
