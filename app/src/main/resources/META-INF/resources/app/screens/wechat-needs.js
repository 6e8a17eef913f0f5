// What residents wrote to the county's WeChat account, for their 飞燕 volunteer to call and confirm: each one placed
// as an order (the order form, filled in with it, channel WECHAT) or dismissed. It never becomes an order by itself.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { knowResidents, residentName } from '../names.js';
import { t, when } from '../session.js';
import { $, show } from '../view.js';

/** The village's needs from WeChat waiting to be confirmed, newest first; { ok, body } as call() answers. */
export const waitingNeeds = () => call('notification', '/api/wechat/needs');

export default async function weChatNeedsScreen() {
  show(html`<h2>${t('weChatNeeds')}</h2><ul id="wechat-needs" class="cards"></ul>`);
  const result = await waitingNeeds();
  if (!$('wechat-needs')) return;
  if (!result.ok) return void ($('wechat-needs').innerHTML = html`<li role="alert">${problem(result)}</li>`);
  await knowResidents(result.body.map(need => need.residentId));
  $('wechat-needs').innerHTML = result.body.length ? html`${result.body.map(need => html`<li data-need="${need.id}">
    <div class="card"><div>${residentName(need.residentId) || need.residentId}</div>
    <div class="meta">${when(need.receivedAt)}</div><p class="text">${need.text}</p>
    <a class="button primary" href="#/order/${need.residentId}/wechat/${need.id}">${t('placeOrder')}</a>
    <button type="button" data-dismiss="${need.id}">${t('dismiss')}</button>
    <p class="form-error" role="alert" hidden></p></div></li>`)}`
    : html`<li><div class="card">${t('noWeChatNeeds')}</div></li>`;
  $('wechat-needs').querySelectorAll('[data-dismiss]').forEach(button => {
    button.onclick = async () => {
      button.disabled = true;
      const dismissed = await call('notification', `/api/wechat/needs/${button.dataset.dismiss}/dismiss`, { method: 'POST' });
      button.disabled = false;
      const item = button.closest('li');
      if (dismissed.ok) return void (item.outerHTML = html`<li><div class="card" role="status">${t('dismissed')}</div></li>`);
      const alert = item.querySelector('.form-error');
      alert.textContent = problem(dismissed);
      alert.hidden = false;
    };
  });
}
