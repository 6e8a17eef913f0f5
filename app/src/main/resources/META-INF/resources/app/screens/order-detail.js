// One order, live: its progress step by step; cancelled while no team has accepted it; rated once it is delivered.
import { html } from '/feiyan/ui.js';
import { call, problem } from '../api.js';
import { formError, submit, whyForm } from '../forms.js';
import { loadProjects, project, residentName } from '../names.js';
import { t, when, words } from '../session.js';
import { $, back, live, show, statusBadge } from '../view.js';

const FINAL = ['RATED', 'CANCELLED', 'REJECTED'];

export default async function orderDetailScreen(id) {
  await loadProjects();
  show(html`${back('#/orders')}<h2 id="o-title"></h2><p class="meta" id="o-who"></p><p id="o-status"></p>
    <p class="text" id="o-description"></p><h3>${t('timeline')}</h3>
    <ol id="o-steps" class="steps" aria-live="polite"></ol><div id="o-actions"></div>`);
  let status = null;
  await live(async () => {
    if (FINAL.includes(status)) return;
    const result = await call('intake', '/api/orders/' + id);
    if (!$('o-steps')) return;
    if (!result.ok) {
      $('o-status').textContent = problem(result);
      return;
    }
    const o = result.body;
    $('o-title').textContent = o.projectCode ? project(o.projectCode) : t(o.category);
    $('o-who').textContent = [residentName(o.residentId), when(o.placedAt)].filter(Boolean).join(' · ');
    $('o-status').innerHTML = statusBadge(o.status);
    $('o-description').textContent = o.description || '';
    $('o-steps').innerHTML = html`${o.timeline.map(step => html`<li data-step="${step.step}"><div>${stepWords(step)}</div>
      <div class="meta">${when(step.at)}</div></li>`)}`;
    if (o.status !== status) {
      status = o.status;
      orderActions(o);
    }
  });
}

function stepWords(step) {
  const say = words().step[step.step];
  // when the team comes, as the county's clocks show it
  return say ? say({ ...step, scheduledFor: step.scheduledFor && when(step.scheduledFor) }) : step.text;
}

function orderActions(o) {
  const actions = $('o-actions');
  if (['PLACED', 'ASSIGNED'].includes(o.status)) {
    const reasons = ['NO_LONGER_NEEDED', 'SOLVED_OTHERWISE', 'PLACED_BY_MISTAKE', 'OTHER'];
    actions.innerHTML = whyForm('cancel', ['reason', 'cancelReason', reasons], ['note', 'note']);
    const form = $('cancel');
    form.onsubmit = event => {
      event.preventDefault();
      submit(form, () => call('intake', `/api/orders/${o.orderId}/cancel`, { method: 'POST',
        body: { reason: form.elements.reason.value, note: form.elements.note.value.trim() || null } }));
    };
  } else if (o.status === 'COMPLETED') {
    actions.innerHTML = html`<form id="rate"><h3>${t('rate')}</h3>
      <fieldset><legend>${t('score')}</legend><div class="row">${[1, 2, 3, 4, 5].map(n => html`<label class="choice">
        <input type="radio" name="score" value="${n}"${n === 5 ? ' checked' : ''}>${n}</label>`)}</div></fieldset>
      <fieldset><legend>${t('solved')}</legend>
        <label class="choice"><input type="radio" name="solved" value="true" checked>${t('yes')}</label>
        <label class="choice"><input type="radio" name="solved" value="false">${t('no')}</label></fieldset>
      <label for="r-comment">${t('comment')}</label><textarea id="r-comment" name="comment" maxlength="2000"></textarea>
      ${formError()}<button type="submit" class="primary wide">${t('rate')}</button></form>`;
    const form = $('rate');
    form.onsubmit = async event => {
      event.preventDefault();
      const result = await submit(form, () => rate({ orderId: o.orderId, score: Number(form.elements.score.value),
        solved: form.elements.solved.value === 'true', comment: form.elements.comment.value.trim() || null }));
      if (result.ok) actions.innerHTML = html`<p role="status">${t('rated')}</p>`;
    };
  } else {
    actions.innerHTML = '';
  }
}

/**
 * Rates an order. Intake heard of the delivery, so feedback will: it may not have yet (the services hear each event
 * on their own), and says so with order-not-completed — asked again for a few seconds before saying it to the user.
 */
async function rate(rating) {
  for (let attempt = 0; ; attempt++) {
    const result = await call('feedback', '/api/ratings', { method: 'POST', body: rating });
    if (result.ok || attempt >= 10 || !String(result.body?.type).endsWith('/order-not-completed')) return result;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}
