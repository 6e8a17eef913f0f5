// The orders: a 飞燕 volunteer's village's, or a resident's own; those kept on the phone waiting to be sent first.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { knowResidents, loadProjects, project, residentName } from '../names.js';
import * as outbox from '../outbox.js';
import { is, me, state, t, when } from '../session.js';
import { $, leaveScreen, live, show, statusBadge } from '../view.js';

export default async function ordersScreen() {
  show(html`<h2>${is('volunteer') ? t('orders') : t('myOrders')}</h2>
    <ul id="kept" class="cards" aria-live="polite"></ul><ul id="orders" class="cards" aria-live="polite"></ul>`);
  await loadProjects();
  let shown = null;
  await live(async () => {
    const waiting = await outbox.kept(me());
    if ($('kept')) {
      $('kept').innerHTML = html`${waiting.map(entry => html`<li data-kept="${entry.key}"><div class="card">
        <div>${entry.label.project} · ${entry.label.resident}</div>
        ${entry.refusal ? html`<p role="alert">${t('notSent') + problem(entry.refusal)}</p>
          <button type="button" data-discard="${entry.key}">${t('discard')}</button>`
          : html`<span class="badge waiting">${t('waitingToSend')}</span> <span class="meta">${when(entry.keptAt)}</span>`}
        </div></li>`)}`;
      $('kept').querySelectorAll('[data-discard]').forEach(button => {
        button.onclick = async () => {
          await outbox.forget(button.dataset.discard);
          leaveScreen();
          ordersScreen();
        };
      });
    }
    const query = is('volunteer') ? '?village=' + encodeURIComponent(state.claims.region) : '';
    const result = await call('intake', '/api/orders' + query);
    if (!$('orders') || !result.ok) return;
    const json = JSON.stringify(result.body.items);
    if (json === shown) return;
    shown = json;
    await knowResidents(result.body.items.map(o => o.residentId));
    $('orders').innerHTML = result.body.items.length ? html`${result.body.items.map(o => html`<li data-order="${o.orderId}">
        <a href="#/orders/${o.orderId}"><div>${o.projectCode ? project(o.projectCode) : t(o.category)}
        ${statusBadge(o.status)}</div><div class="meta">${residentName(o.residentId)} · ${when(o.placedAt)}</div></a></li>`)}`
      : (waiting.length ? '' : html`<li><div class="card">${t('noOrders')}</div></li>`);
  });
}
