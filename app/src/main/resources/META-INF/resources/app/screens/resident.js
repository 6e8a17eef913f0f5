// A resident and what they can order this month, what is meant for their household first; for a resident signed in
// themselves, their own menu. Their 飞燕 volunteer can make them a code to bind the county's WeChat account.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { nameProject, nameResident } from '../names.js';
import { is, state, t, when, words } from '../session.js';
import { $, back, show } from '../view.js';

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
    </ul>${self || !is('volunteer') ? '' : html`<h3>${t('weChatCode')}</h3><p class="meta">${t('weChatCodeHint')}</p>
    <p id="wechat-code" role="status" hidden></p><p class="form-error" id="wechat-code-error" role="alert" hidden></p>
    <button type="button" id="make-wechat-code" class="wide">${t('weChatCode')}</button>`}`);
  const make = $('make-wechat-code');
  if (make) make.onclick = () => weChatCode(r.residentId, make);
}

/** A new binding code for the resident, shown once: they send "绑定" and it to the county's WeChat account. */
async function weChatCode(residentId, button) {
  button.disabled = true;
  const made = await call('notification', '/api/wechat/binding-codes', { method: 'POST', body: { residentId } });
  button.disabled = false;
  $('wechat-code-error').hidden = made.ok;
  $('wechat-code').hidden = !made.ok;
  if (!made.ok) return void ($('wechat-code-error').textContent = problem(made));
  $('wechat-code').innerHTML = html`<strong class="code">${made.body.code}</strong>
    <span class="meta">${t('weChatCodeUntil', when(made.body.expiresAt))}</span>`;
}
