// A 飞燕 volunteer's village: who is on duty today, its residents found by name or phone, one registered.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { nameResident } from '../names.js';
import { state, t } from '../session.js';
import { $, afterTyping, show } from '../view.js';

export default async function residentsScreen() {
  show(html`<h2>${t('residents')}</h2>
    <p id="duty" class="meta"></p>
    <a class="button primary wide" href="#/residents/new">${t('register')}</a>
    <form id="find" role="search"><label for="q">${t('find')}</label>
      <input id="q" name="q" type="search" autocomplete="off"></form>
    <p id="notice" role="alert" hidden></p>
    <ul id="residents" class="cards" aria-live="polite"></ul>`);
  $('find').onsubmit = event => { event.preventDefault(); findResidents(); };
  $('q').oninput = () => afterTyping(findResidents);
  findResidents();
  const duty = await call('team', '/api/volunteers/on-duty?village=' + encodeURIComponent(state.claims.region));
  if ($('duty')) $('duty').textContent = duty.ok && duty.body.volunteer ? t('onDuty', duty.body.volunteer.name) : t('nobodyOnDuty');
}

async function findResidents() {
  const query = new URLSearchParams({ village: state.claims.region });
  const text = $('q') && $('q').value.trim();
  if (text) query.set('q', text);
  const result = await call('intake', '/api/residents?' + query);
  if (!$('residents') || result.refused) return;
  $('notice').hidden = result.ok;
  if (!result.ok) {
    $('notice').textContent = t('failed') + problem(result);
    return;
  }
  result.body.items.forEach(r => nameResident(r.residentId, r.name));
  $('residents').innerHTML = result.body.items.length ? html`${result.body.items.map(r => html`<li data-resident="${r.residentId}">
      <a href="#/residents/${r.residentId}"><div>${r.name}</div>
      <div class="meta">${r.phone} · ${r.householdTags.map(tag => t(tag)).join('、')}</div></a></li>`)}`
    : html`<li><div class="card">${t('none')}</div></li>`;
}
