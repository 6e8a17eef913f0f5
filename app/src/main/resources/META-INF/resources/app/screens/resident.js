// A resident and what they can order this month, what is meant for their household first; for a resident signed in
// themselves, their own menu.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { nameProject, nameResident } from '../names.js';
import { state, t, words } from '../session.js';
import { back, show } from '../view.js';

export default async function residentScreen(id) {
  const who = await call('intake', '/api/residents/' + id);
  if (!who.ok) return show(html`${back('#/residents')}<p role="alert">${problem(who)}</p>`);
  const r = who.body;
  nameResident(r.residentId, r.name);
  const menu = await call('intake', `/api/menu?village=${r.villageCode}&resident=${r.residentId}`);
  const projects = menu.ok ? menu.body.categories.flatMap(c => c.projects.map(p => ({ ...p, category: c.category }))) : [];
  projects.sort((a, b) => Number(b.forYourHousehold) - Number(a.forYourHousehold));
  projects.forEach(p => nameProject(p.projectCode, p.name));
  const self = r.residentId === state.claims.resident;
  show(html`${self ? '' : back('#/residents')}<h2>${self ? t('orderForMe') : r.name}</h2>
    <p class="meta">${r.phone} · ${r.householdTags.map(tag => t(tag)).join('、')}</p>
    <h3>${t('menuFor', r.name)}</h3>
    ${menu.ok ? '' : html`<p role="alert">${problem(menu)}</p>`}
    <ul class="cards" id="menu">${projects.map(p => html`<li><a href="#/order/${r.residentId}/${p.projectCode}"
        data-project="${p.projectCode}"><div>${p.name}${p.forYourHousehold
        ? html` <span class="badge hot">${t('forHousehold')}</span>` : ''}</div>
        <div class="meta">${t('servedAt', words().tier[p.servedBy] || p.servedBy)}${p.note ? ' · ' + p.note : ''}</div></a></li>`)}
      <li><a href="#/order/${r.residentId}/other" data-project="other">${t('somethingElse')}</a></li>
    </ul>`);
}
