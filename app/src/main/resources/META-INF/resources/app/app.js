// 一点就来 on a phone: the app for 飞燕 volunteers, team leads and members, and residents. It holds no data of its own
// but the orders waiting for a connection (outbox.js): every screen is a call to the services' public APIs with the
// signed-in user's token, as any outside client would make — intake here, team and feedback at the addresses the
// page names (they answer this origin). Live screens (an order, the orders, the team's inbox) ask again every two
// seconds while they are shown (README "The app": why polling).
import { signInWith } from '/feiyan/sign-in.js';
import { TEXT } from './text.js';
import * as outbox from './outbox.js';

const CONFIG = document.querySelector('meta[name="feiyan-app"]').dataset;
const API = { intake: '', team: CONFIG.team, feedback: CONFIG.feedback };
const LIVE_EVERY = 2000;
const FINAL = ['RATED', 'CANCELLED', 'REJECTED'];
const state = { lang: localStorage.getItem('feiyan.lang') || 'zh', claims: {}, names: new Map(), projects: new Map(),
  live: [], flushing: false };
const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const words = () => TEXT[state.lang];
const t = (key, ...args) => {
  const value = words()[key] ?? TEXT.zh[key] ?? key;
  return typeof value === 'function' ? value(...args) : value;
};
const locale = () => state.lang === 'zh' ? 'zh-CN' : 'en';
const when = iso => iso ? new Intl.DateTimeFormat(state.lang === 'zh' ? 'zh-CN' : 'en-GB',
  { timeZone: CONFIG.zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
const session = signInWith({ issuer: CONFIG.issuer, client: CONFIG.client, onEnded: () => signedOut(t('refused')) });
const roles = () => state.claims.groups || [];
const is = role => roles().includes(role);
const me = () => state.claims.upn || state.claims.sub;

// ---- calls -------------------------------------------------------------------------------------------------------

/**
 * A call to a service: { ok, status, body }; { offline: true } when there is no connection; { refused: true } when the
 * token was refused (the session is renewed, or the login page comes next).
 */
async function call(service, path, { method = 'GET', body, headers = {} } = {}) {
  let response;
  try {
    response = await session.call(API[service] + path, { method,
      headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { offline: true };
  }
  if (!response) return { refused: true };
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { ok: response.ok, status: response.status, body: json };
}

/** What went wrong, in the user's words: a problem+json answer (by its type, and each field's reason), or no connection. */
function problem(result) {
  if (result.offline) return t('noConnection');
  const body = result.body || {};
  const slug = String(body.type || '').split('/').pop();
  if (slug === 'invalid-request' && Array.isArray(body.errors)) return body.errors.map(fieldWords).join('；');
  return words().problems[slug] || body.detail || body.title || String(result.status);
}

function fieldWords({ field, reason }) {
  const label = words().fields[field] || (typeof words()[field] === 'string' ? words()[field] : field);
  for (const [pattern, text] of words().reasons) {
    const match = String(reason).match(pattern);
    if (match) return `${label}：${text.replace(/\$(\d)/g, (_, i) => match[i])}`;
  }
  return `${label}: ${reason}`;
}

/** Shows why a form was refused: the words at its foot, each named field marked. What was typed stays. */
function refuse(form, result) {
  form.querySelectorAll('[aria-invalid]').forEach(field => field.removeAttribute('aria-invalid'));
  const fields = result.body && Array.isArray(result.body.errors) ? result.body.errors.map(e => e.field)
    : result.body && result.body.field ? [result.body.field] : [];
  fields.forEach(name => form.querySelector(`[name="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', 'true'));
  const alert = form.querySelector('.form-error');
  alert.textContent = problem(result);
  alert.hidden = false;
}

/** Sends a form's request with its button held down meanwhile; the answer, or refused words on the form. */
async function submit(form, send) {
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const result = await send();
    if (!result.ok) refuse(form, result);
    return result;
  } finally {
    button.disabled = false;
  }
}

const formError = () => '<p class="form-error" role="alert" hidden></p>';

/**
 * A folded form that asks why — a reason's code, and words — and is sent by its button: cancelling an order, declining
 * one. Its id names its action too; the fields are named as the service names them.
 */
const whyForm = (action, [code, codeLabel, codes], [words, wordsLabel]) => `<details>
  <summary class="button wide">${esc(t(action))}</summary><form id="${action}">
  <label for="${action}-${code}">${esc(t(codeLabel))}</label><select id="${action}-${code}" name="${code}">
  ${codes.map(c => `<option value="${c}">${esc(t(c))}</option>`).join('')}</select>
  <label for="${action}-${words}">${esc(t(wordsLabel))}</label><input id="${action}-${words}" name="${words}" maxlength="500">
  ${formError()}<button type="submit" class="wide">${esc(t(action))}</button></form></details>`;

function toast(text) {
  $('toast').textContent = text;
  $('toast').hidden = false;
  clearTimeout(state.toastTimer);
  state.toastTimer = setTimeout(() => { $('toast').hidden = true; }, 4000);
}

// ---- orders kept on the phone ---------------------------------------------------------------------------------------

/**
 * Sends one kept order with its Idempotency-Key. Sent: forgotten here, the order back. No connection (or the services
 * away): kept, to send again. Refused: kept with the refusal, for its user to see and discard.
 */
async function send(entry) {
  const result = await call('intake', '/api/orders', { method: 'POST', body: entry.body,
    headers: { 'Idempotency-Key': entry.key } });
  if (result.offline || result.refused || result.status >= 500) return { waiting: true };
  if (result.ok) {
    await outbox.forget(entry.key);
    return { order: result.body };
  }
  await outbox.keep({ ...entry, refusal: { status: result.status, body: result.body } });
  return { refused: result };
}

/** Sends every kept order of this account that waits, oldest first; stops at the first that cannot go yet. */
async function flush() {
  if (state.flushing || !session.token() || !navigator.onLine) return;
  state.flushing = true;
  let sent = 0;
  try {
    for (const entry of await outbox.kept(me())) {
      if (entry.refusal) continue;
      const outcome = await send(entry);
      if (outcome.waiting) break;
      if (outcome.order) sent++;
    }
  } finally {
    state.flushing = false;
  }
  if (sent) {
    toast(t('sentLater'));
    if (location.hash === '#/orders') route();
  }
}

// ---- screens --------------------------------------------------------------------------------------------------------

/** Runs `work` now and every two seconds while this screen is shown and the page visible; done when the first is. */
async function live(work) {
  state.live.push(setInterval(() => { if (!document.hidden) work(); }, LIVE_EVERY));
  await work();
}

function show(html) {
  $('view').innerHTML = html;
  const heading = $('view').querySelector('h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

const back = href => `<a class="button" href="${href}">‹ ${esc(t('back'))}</a>`;
const statusBadge = status => `<span class="badge">${esc(words().status[status] || status)}</span>`;
const project = code => state.projects.get(code) || code || '';
const residentName = id => state.names.get(id) || '';

async function loadProjects() {
  if (state.projects.size) return;
  const result = await call('team', '/api/projects');
  if (result.ok) result.body.forEach(p => state.projects.set(p.code, p.name));
}

async function residentsScreen() {
  show(`<h2>${esc(t('residents'))}</h2>
    <p id="duty" class="meta"></p>
    <a class="button primary wide" href="#/residents/new">${esc(t('register'))}</a>
    <form id="find" role="search"><label for="q">${esc(t('find'))}</label>
      <input id="q" name="q" type="search" autocomplete="off"></form>
    <p id="notice" role="alert" hidden></p>
    <ul id="residents" class="cards" aria-live="polite"></ul>`);
  $('find').onsubmit = event => { event.preventDefault(); findResidents(); };
  $('q').oninput = () => { clearTimeout(state.typing); state.typing = setTimeout(findResidents, 300); };
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
  result.body.items.forEach(r => state.names.set(r.residentId, r.name));
  $('residents').innerHTML = result.body.items.length ? result.body.items.map(r => `<li data-resident="${esc(r.residentId)}">
      <a href="#/residents/${esc(r.residentId)}"><div>${esc(r.name)}</div>
      <div class="meta">${esc(r.phone)} · ${r.householdTags.map(tag => esc(t(tag))).join('、')}</div></a></li>`).join('')
    : `<li><div class="card">${esc(t('none'))}</div></li>`;
}

function registerScreen() {
  const tags = ['EMPTY_NEST_ELDERLY', 'LEFT_BEHIND_CHILD', 'SPECIAL_HARDSHIP', 'DISABILITY', 'CHRONIC_ILLNESS'];
  show(`${back('#/residents')}<h2>${esc(t('register'))}</h2>
    <form id="register" novalidate>
      <label for="r-name">${esc(t('name'))}</label><input id="r-name" name="name" autocomplete="off" required>
      <label for="r-phone">${esc(t('phone'))}</label><input id="r-phone" name="phone" type="tel" inputmode="tel" required>
      <label for="r-id">${esc(t('idNumber'))}</label><input id="r-id" name="idNumber" autocomplete="off" required>
      <fieldset><legend>${esc(t('household'))}</legend>${tags.map(tag => `<label class="choice">
        <input type="checkbox" name="householdTags" value="${tag}">${esc(t(tag))}</label>`).join('')}</fieldset>
      <fieldset><legend>${esc(t('guardian'))}</legend>
        <label for="g-name">${esc(t('guardianName'))}</label><input id="g-name" name="guardian.name" autocomplete="off">
        <label for="g-phone">${esc(t('guardianPhone'))}</label><input id="g-phone" name="guardian.phone" type="tel" inputmode="tel">
        <label for="g-relation">${esc(t('guardianRelation'))}</label><input id="g-relation" name="guardian.relation"></fieldset>
      ${formError()}
      <button type="submit" class="primary wide">${esc(t('save'))}</button>
    </form>`);
  const form = $('register');
  form.onsubmit = async event => {
    event.preventDefault();
    const value = name => form.elements[name].value.trim();
    const guardian = value('guardian.name') || value('guardian.phone')
      ? { name: value('guardian.name'), phone: value('guardian.phone'), relation: value('guardian.relation') || null } : null;
    const result = await submit(form, () => call('intake', '/api/residents', { method: 'POST', body: {
      name: value('name'), phone: value('phone'), idNumber: value('idNumber').toUpperCase(),
      villageCode: state.claims.region, guardian,
      householdTags: [...form.querySelectorAll('[name=householdTags]:checked')].map(box => box.value) } }));
    const id = result.body && result.body.residentId;
    if (id) location.hash = '#/residents/' + id;
  };
}

async function residentScreen(id) {
  const who = await call('intake', '/api/residents/' + id);
  if (!who.ok) return show(`${back('#/residents')}<p role="alert">${esc(problem(who))}</p>`);
  const r = who.body;
  state.names.set(r.residentId, r.name);
  const menu = await call('intake', `/api/menu?village=${r.villageCode}&resident=${r.residentId}`);
  const projects = menu.ok ? menu.body.categories.flatMap(c => c.projects.map(p => ({ ...p, category: c.category }))) : [];
  projects.sort((a, b) => Number(b.forYourHousehold) - Number(a.forYourHousehold));
  projects.forEach(p => state.projects.set(p.projectCode, p.name));
  const self = r.residentId === state.claims.resident;
  show(`${self ? '' : back('#/residents')}<h2>${esc(self ? t('orderForMe') : r.name)}</h2>
    <p class="meta">${esc(r.phone)} · ${r.householdTags.map(tag => esc(t(tag))).join('、')}</p>
    <h3>${esc(t('menuFor', r.name))}</h3>
    ${menu.ok ? '' : `<p role="alert">${esc(problem(menu))}</p>`}
    <ul class="cards" id="menu">${projects.map(p => `<li><a href="#/order/${esc(r.residentId)}/${esc(p.projectCode)}"
        data-project="${esc(p.projectCode)}"><div>${esc(p.name)}${p.forYourHousehold
        ? ` <span class="badge hot">${esc(t('forHousehold'))}</span>` : ''}</div>
        <div class="meta">${esc(t('servedAt', words().tier[p.servedBy] || p.servedBy))}${p.note ? ' · ' + esc(p.note) : ''}</div></a></li>`).join('')}
      <li><a href="#/order/${esc(r.residentId)}/other" data-project="other">${esc(t('somethingElse'))}</a></li>
    </ul>`);
}

async function orderScreen(residentId, code) {
  const self = residentId === state.claims.resident;
  if (!state.names.has(residentId)) {
    const who = await call('intake', '/api/residents/' + residentId);
    if (who.ok) state.names.set(residentId, who.body.name);
  }
  const other = code === 'other';
  const categories = ['DAILY_LIFE', 'ELDERLY_CARE', 'MEDICAL', 'CULTURE', 'EDUCATION', 'LEGAL_AID'];
  const urgencies = ['ROUTINE', 'URGENT', 'CRITICAL', 'COMPLEX'];
  show(`${back('#/residents/' + residentId)}<h2>${esc(self ? t('orderForMe') : t('orderFor', residentName(residentId)))}</h2>
    <form id="order" novalidate>
      ${other ? `<label for="o-category">${esc(t('category'))}</label><select id="o-category" name="category">
          ${categories.map(c => `<option value="${c}">${esc(t(c))}</option>`).join('')}</select>`
        : `<p><strong>${esc(t('project'))}：</strong>${esc(project(code))}</p>`}
      <label for="o-description">${esc(t('description'))}</label>
      <textarea id="o-description" name="description" maxlength="4000" placeholder="${esc(t('descriptionHint'))}"></textarea>
      <fieldset><legend>${esc(t('urgency'))}</legend>${urgencies.map(u => `<label class="choice">
        <input type="radio" name="urgency" value="${u}"${u === 'ROUTINE' ? ' checked' : ''}>${esc(t(u))}</label>`).join('')}</fieldset>
      <label for="o-when">${esc(t('preferred'))}</label><input id="o-when" name="preferredFrom" type="datetime-local">
      ${self ? '' : `<label class="choice"><input type="checkbox" name="residentConsent" id="o-consent">${esc(t('consent'))}</label>`}
      ${self || !state.claims.volunteer ? '' : `<label class="choice"><input type="checkbox" id="o-spot" name="solvedOnTheSpot"
          aria-controls="o-spot-hours">${esc(t('solvedHere'))}</label>
        <div id="o-spot-hours" hidden><label for="o-hours">${esc(t('spotHours'))}</label>
          <input id="o-hours" name="solvedOnTheSpot.hours" type="number" inputmode="decimal" min="0.5" max="24" step="0.5"></div>`}
      ${formError()}
      <button type="submit" class="primary wide">${esc(t('send'))}</button>
    </form>`);
  const form = $('order');
  const spot = $('o-spot');
  if (spot) spot.onchange = () => { $('o-spot-hours').hidden = !spot.checked; };
  form.onsubmit = async event => {
    event.preventDefault();
    const description = form.elements.description.value.trim();
    const spotHours = spot && spot.checked ? Number($('o-hours').value) : null;
    const from = form.elements.preferredFrom.value ? new Date(form.elements.preferredFrom.value) : null;
    const body = { residentId, urgency: form.querySelector('[name=urgency]:checked').value,
      ...(other ? { category: form.elements.category.value } : { projectCode: code }),
      ...(description ? { description } : {}),
      ...(self ? {} : { residentConsent: form.elements.residentConsent.checked }),
      ...(from ? { preferredFrom: from.toISOString(), preferredTo: new Date(from.getTime() + 2 * 3600_000).toISOString() } : {}),
      ...(spotHours === null ? {} : { solvedOnTheSpot: { hours: spotHours } }) };
    // what cannot be right is said here, before it waits on the phone for a connection
    const errors = [
      ...(other && !description ? [{ field: 'description', reason: 'is required' }] : []),
      ...(body.residentConsent === false ? [{ field: 'residentConsent',
        reason: "must be true: a volunteer orders only with the resident's consent" }] : []),
      ...(spotHours !== null && !(spotHours > 0 && spotHours <= 24) ? [{ field: 'solvedOnTheSpot.hours',
        reason: 'is more than 0 and at most 24' }] : [])];
    if (errors.length) return refuse(form, { body: { type: 'invalid-request', errors } });
    const entry = { key: crypto.randomUUID(), body, who: me(), keptAt: new Date().toISOString(),
      label: { resident: residentName(residentId), project: other ? t(body.category) : project(code) } };
    await outbox.keep(entry);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    const outcome = await send(entry).finally(() => { button.disabled = false; });
    if (outcome.order) location.hash = '#/orders/' + outcome.order.orderId;
    else if (outcome.waiting) location.hash = '#/orders';
    else {
      await outbox.forget(entry.key);
      refuse(form, outcome.refused);
    }
  };
}

async function ordersScreen() {
  show(`<h2>${esc(is('volunteer') ? t('orders') : t('myOrders'))}</h2>
    <ul id="kept" class="cards" aria-live="polite"></ul><ul id="orders" class="cards" aria-live="polite"></ul>`);
  await loadProjects();
  let shown = null;
  await live(async () => {
    const waiting = await outbox.kept(me());
    if ($('kept')) {
      $('kept').innerHTML = waiting.map(entry => `<li data-kept="${esc(entry.key)}"><div class="card">
        <div>${esc(entry.label.project)} · ${esc(entry.label.resident)}</div>
        ${entry.refusal ? `<p role="alert">${esc(t('notSent') + problem(entry.refusal))}</p>
          <button type="button" data-discard="${esc(entry.key)}">${esc(t('discard'))}</button>`
          : `<span class="badge waiting">${esc(t('waitingToSend'))}</span> <span class="meta">${esc(when(entry.keptAt))}</span>`}
        </div></li>`).join('');
      $('kept').querySelectorAll('[data-discard]').forEach(button => {
        button.onclick = async () => { await outbox.forget(button.dataset.discard); route(); };
      });
    }
    const query = is('volunteer') ? '?village=' + encodeURIComponent(state.claims.region) : '';
    const result = await call('intake', '/api/orders' + query);
    if (!$('orders') || !result.ok) return;
    const json = JSON.stringify(result.body.items);
    if (json === shown) return;
    shown = json;
    await knowResidents(result.body.items.map(o => o.residentId));
    $('orders').innerHTML = result.body.items.length ? result.body.items.map(o => `<li data-order="${esc(o.orderId)}">
        <a href="#/orders/${esc(o.orderId)}"><div>${esc(o.projectCode ? project(o.projectCode) : t(o.category))}
        ${statusBadge(o.status)}</div><div class="meta">${esc(residentName(o.residentId))} · ${esc(when(o.placedAt))}</div></a></li>`).join('')
      : (waiting.length ? '' : `<li><div class="card">${esc(t('noOrders'))}</div></li>`);
  });
}

/**
 * The names of these residents, for lists that name them by id: those not known yet, from the village's residents
 * page by page (a search shows numbers masked and reads no one's full record, which would be audited).
 */
async function knowResidents(ids) {
  const unknown = new Set(ids.filter(id => !state.names.has(id)));
  for (let page = 0; unknown.size && is('volunteer'); page++) {
    const result = await call('intake', `/api/residents?size=100&page=${page}&village=${encodeURIComponent(state.claims.region)}`);
    if (!result.ok) return;
    result.body.items.forEach(r => { state.names.set(r.residentId, r.name); unknown.delete(r.residentId); });
    if ((page + 1) * result.body.size >= result.body.total) return;
  }
}

async function orderDetailScreen(id) {
  await loadProjects();
  show(`${back('#/orders')}<h2 id="o-title"></h2><p class="meta" id="o-who"></p><p id="o-status"></p>
    <p class="text" id="o-description"></p><h3>${esc(t('timeline'))}</h3>
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
    $('o-steps').innerHTML = o.timeline.map(step => `<li data-step="${esc(step.step)}"><div>${esc(stepWords(step))}</div>
      <div class="meta">${esc(when(step.at))}</div></li>`).join('');
    if (o.status !== status) {
      status = o.status;
      orderActions(o);
    }
  });
}

function stepWords(step) {
  const say = words().step[step.step];
  return say ? say(step) : step.text;
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
    actions.innerHTML = `<form id="rate"><h3>${esc(t('rate'))}</h3>
      <fieldset><legend>${esc(t('score'))}</legend><div class="row">${[1, 2, 3, 4, 5].map(n => `<label class="choice">
        <input type="radio" name="score" value="${n}"${n === 5 ? ' checked' : ''}>${n}</label>`).join('')}</div></fieldset>
      <fieldset><legend>${esc(t('solved'))}</legend>
        <label class="choice"><input type="radio" name="solved" value="true" checked>${esc(t('yes'))}</label>
        <label class="choice"><input type="radio" name="solved" value="false">${esc(t('no'))}</label></fieldset>
      <label for="r-comment">${esc(t('comment'))}</label><textarea id="r-comment" name="comment" maxlength="2000"></textarea>
      ${formError()}<button type="submit" class="primary wide">${esc(t('rate'))}</button></form>`;
    const form = $('rate');
    form.onsubmit = async event => {
      event.preventDefault();
      const result = await submit(form, () => rate({ orderId: o.orderId, score: Number(form.elements.score.value),
        solved: form.elements.solved.value === 'true', comment: form.elements.comment.value.trim() || null }));
      if (result.ok) actions.innerHTML = `<p role="status">${esc(t('rated'))}</p>`;
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

async function followUpsScreen() {
  show(`<h2>${esc(t('followUps'))}</h2><ul id="follow-ups" class="cards"></ul>`);
  await loadProjects();
  const result = await call('feedback', '/api/follow-ups?village=' + encodeURIComponent(state.claims.region));
  if (!$('follow-ups')) return;
  if (!result.ok) return void ($('follow-ups').innerHTML = `<li role="alert">${esc(problem(result))}</li>`);
  await knowResidents(result.body.items.map(f => f.residentId));
  $('follow-ups').innerHTML = result.body.items.length ? result.body.items.map(f => `<li data-follow-up="${esc(f.id)}">
    <div class="card"><div>${esc(residentName(f.residentId))} · ${esc(t(f.reason))}</div>
    <div class="meta">${esc(when(f.openedAt))}${f.rating ? ` · ${f.rating.score}/5` : ''}</div>
    ${f.rating && f.rating.comment ? `<p class="text">${esc(f.rating.comment)}</p>` : ''}
    <form data-id="${esc(f.id)}"><fieldset><legend>${esc(t('outcome'))}</legend>
      <label class="choice"><input type="radio" name="outcome" value="RESOLVED" checked>${esc(t('RESOLVED'))}</label>
      <label class="choice"><input type="radio" name="outcome" value="REDO">${esc(t('REDO'))}</label></fieldset>
      <label for="n-${esc(f.id)}">${esc(t('note'))}</label><input id="n-${esc(f.id)}" name="note" maxlength="1000">
      ${formError()}<button type="submit" class="wide">${esc(t('record'))}</button></form></div></li>`).join('')
    : `<li><div class="card">${esc(t('noFollowUps'))}</div></li>`;
  $('follow-ups').querySelectorAll('form').forEach(form => {
    form.onsubmit = async event => {
      event.preventDefault();
      const result = await submit(form, () => call('feedback', `/api/follow-ups/${form.dataset.id}/outcome`, {
        method: 'POST', body: { outcome: form.querySelector('[name=outcome]:checked').value,
          note: form.elements.note.value.trim() || null } }));
      if (result.ok) form.outerHTML = `<p role="status">${esc(t('done'))}</p>`;
    };
  });
}

async function inboxScreen() {
  show(`<h2>${esc(t('inbox'))}</h2><div id="inbox" aria-live="polite"></div>`);
  await loadProjects();
  let shown = null;
  await live(async () => {
    const result = await call('team', '/api/assignments/inbox');
    if (!$('inbox') || !result.ok) return;
    const json = JSON.stringify(result.body);
    if (json === shown) return;
    shown = json;
    const inbox = result.body;
    $('inbox').innerHTML = ['offered', 'accepted', 'scheduled', 'completed'].map(part => `<h3>${esc(t(part))}</h3>
      <ul class="cards" id="inbox-${part}">${inbox[part].length ? inbox[part].map(a => `<li data-order="${esc(a.orderId)}">
        <a href="#/work/${esc(a.orderId)}"><div>${esc(project(a.projectCode))}</div><div class="meta">
        ${esc(words().tier[a.tier] || a.tier)} · ${part === 'offered' ? `<span data-until="${esc(a.acceptBy)}"></span>`
          : esc(when(a.scheduledFor || a.completedAt || a.deadline))}</div></a></li>`).join('')
        : `<li><div class="card meta">${esc(t('nothing'))}</div></li>`}</ul>`).join('');
    tick();
  });
}

/** Every countdown on the screen, to the second. */
function tick() {
  document.querySelectorAll('[data-until]').forEach(el => {
    const left = Math.floor((new Date(el.dataset.until) - Date.now()) / 1000);
    if (left <= 0) return void (el.textContent = t('overdue'));
    const h = Math.floor(left / 3600);
    const m = Math.floor(left % 3600 / 60);
    const s = left % 60;
    el.textContent = t('timeLeft', `${h ? h + ':' : ''}${String(m).padStart(h ? 2 : 1, '0')}:${String(s).padStart(2, '0')}`);
  });
}

async function workScreen(orderId) {
  await loadProjects();
  show(`${back('#/inbox')}<h2 id="w-title"></h2><p class="meta" id="w-meta"></p><p class="text" id="w-description"></p>
    <div id="w-actions"></div><div id="w-contact"></div>`);
  const order = await call('intake', '/api/orders/' + orderId);
  const team = await call('team', '/api/volunteers?team=' + encodeURIComponent(state.claims.team));
  const volunteers = team.ok ? team.body : [];
  let status = null;
  await live(async () => {
    const result = await call('team', '/api/assignments/' + orderId);
    if (!$('w-actions') || !result.ok) return;
    const a = result.body;
    $('w-title').textContent = project(a.projectCode);
    $('w-meta').innerHTML = `${esc(words().tier[a.tier] || a.tier)} · ${esc(t(a.status === 'OFFERED' ? 'offered'
      : a.status === 'ACCEPTED' ? 'accepted' : 'completed'))} · ${a.status === 'OFFERED'
      ? `<span data-until="${esc(a.acceptBy)}"></span>` : `${esc(t('deadline'))} ${esc(when(a.deadline))}`}`;
    $('w-description').textContent = order.ok ? [order.body.description, when(order.body.preferredFrom)].filter(Boolean).join(' · ') : '';
    tick();
    if (a.status !== status) {
      status = a.status;
      workActions(a, volunteers);
    }
  });
}

function workActions(a, volunteers) {
  const actions = $('w-actions');
  const name = id => (volunteers.find(v => v.volunteerId === id) || {}).name || id;
  const lead = is('team-lead');
  if (a.status === 'OFFERED' && lead) {
    const reasons = ['NO_CAPACITY', 'OUTSIDE_OUR_SERVICE', 'RESIDENT_UNREACHABLE', 'OTHER'];
    actions.innerHTML = `<form id="accept"><fieldset><legend>${esc(t('crew'))}</legend>${volunteers.map(v => `<label class="choice">
        <input type="checkbox" name="volunteerIds" value="${esc(v.volunteerId)}">${esc(v.name)}</label>`).join('')}</fieldset>
      <label for="a-when">${esc(t('when'))}</label><input id="a-when" name="scheduledFor" type="datetime-local">
      ${formError()}<button type="submit" class="primary wide">${esc(t('accept'))}</button></form>
      ${whyForm('decline', ['reasonCode', 'declineReason', reasons], ['reason', 'reasonWords'])}`;
    const accept = $('accept');
    accept.onsubmit = event => {
      event.preventDefault();
      const when = accept.elements.scheduledFor.value;
      submit(accept, () => call('team', `/api/assignments/${a.orderId}/accept`, { method: 'POST', body: {
        volunteerIds: [...accept.querySelectorAll('[name=volunteerIds]:checked')].map(box => box.value),
        scheduledFor: when ? new Date(when).toISOString() : null } }));
    };
    const decline = $('decline');
    decline.onsubmit = event => {
      event.preventDefault();
      submit(decline, () => call('team', `/api/assignments/${a.orderId}/decline`, { method: 'POST', body: {
        reasonCode: decline.elements.reasonCode.value, reason: decline.elements.reason.value.trim() || null } }));
    };
  } else if (a.status === 'ACCEPTED' && lead) {
    // the crew named at acceptance first, then the rest of the team
    const crew = [...a.crew, ...volunteers.map(v => v.volunteerId).filter(id => !a.crew.includes(id))];
    actions.innerHTML = `<form id="complete"><fieldset><legend>${esc(t('servedBy'))}</legend>${crew.map(id => `<div class="row">
        <label for="h-${esc(id)}">${esc(name(id))}</label>
        <input id="h-${esc(id)}" name="servedBy" data-volunteer="${esc(id)}" type="number" inputmode="decimal" min="0"
          max="24" step="0.5" placeholder="${esc(t('hours'))}"></div>`).join('')}</fieldset>
      <label for="s-summary">${esc(t('summary'))}</label><textarea id="s-summary" name="summary" maxlength="2000"></textarea>
      ${formError()}<button type="submit" class="primary wide">${esc(t('complete'))}</button></form>`;
    const form = $('complete');
    form.onsubmit = event => {
      event.preventDefault();
      const servedBy = [...form.querySelectorAll('[name=servedBy]')].filter(input => input.value)
        .map(input => ({ volunteerId: input.dataset.volunteer, hours: Number(input.value) }));
      if (!servedBy.length) {
        return refuse(form, { body: { type: 'invalid-request', errors: [{ field: 'servedBy',
          reason: 'names each volunteer and their hours, more than 0 and at most 24' }] } });
      }
      submit(form, () => call('team', `/api/assignments/${a.orderId}/complete`, { method: 'POST',
        body: { servedBy, summary: form.elements.summary.value.trim() || null } }));
    };
  } else {
    actions.innerHTML = lead ? '' : `<p class="meta">${esc(t('leadOnly'))}</p>`;
  }
  $('w-contact').innerHTML = a.status === 'ACCEPTED'
    ? `<button type="button" id="contact" class="wide">${esc(t('contact'))}</button><p class="meta">${esc(t('contactNote'))}</p>` : '';
  if ($('contact')) {
    $('contact').onclick = async () => {
      const result = await call('intake', `/api/orders/${a.orderId}/contact`);
      const c = result.body || {};
      $('w-contact').innerHTML = result.ok ? `<div class="card"><div>${esc(c.name)}</div>
        <a class="button wide" href="tel:${esc(c.phone)}">${esc(c.phone)}</a>
        ${c.guardianName ? `<p class="meta">${esc(t('guardian'))}: ${esc(c.guardianName)} ${esc(c.guardianRelation)}
        <a href="tel:${esc(c.guardianPhone)}">${esc(c.guardianPhone)}</a></p>` : ''}</div>`
        : `<p role="alert">${esc(problem(result))}</p>`;
    };
  }
}

async function hoursScreen() {
  show(`<h2>${esc(t('hoursTitle'))}</h2><p id="team-hours"></p><ul id="by-volunteer" class="cards"></ul><p id="my-hours"></p>`);
  const team = await call('team', `/api/teams/${encodeURIComponent(state.claims.team)}/hours`);
  const mine = state.claims.volunteer ? await call('team', `/api/volunteers/${state.claims.volunteer}/hours`) : null;
  if (!$('team-hours')) return;
  if (team.ok) {
    $('team-hours').textContent = t('teamMonth', team.body.total);
    $('by-volunteer').innerHTML = team.body.byVolunteer.map(v => `<li><div class="card">${esc(v.name || v.volunteerId)}
      · ${esc(v.hours)} ${esc(t('hours'))}</div></li>`).join('') + (Number(team.body.unattributed) ? `<li><div class="card">
      ${esc(t('unattributed'))} · ${esc(team.body.unattributed)} ${esc(t('hours'))}</div></li>` : '');
  } else {
    $('team-hours').textContent = problem(team);
  }
  if (mine && mine.ok) $('my-hours').textContent = t('mine', mine.body.total, mine.body.stars);
}

// ---- the frame: who is signed in, what they may do, where they are ---------------------------------------------------

const SCREENS = [
  [/^#\/residents$/, residentsScreen], [/^#\/residents\/new$/, registerScreen],
  [/^#\/residents\/([\w-]+)$/, residentScreen], [/^#\/order\/([\w-]+)\/([\w-]+)$/, orderScreen],
  [/^#\/orders$/, ordersScreen], [/^#\/orders\/([\w-]+)$/, orderDetailScreen],
  [/^#\/follow-ups$/, followUpsScreen], [/^#\/inbox$/, inboxScreen], [/^#\/work\/([\w-]+)$/, workScreen],
  [/^#\/hours$/, hoursScreen]
];

/** The screens a user's roles offer, first the one they start on; what a role may not do is not offered. */
function tabs() {
  return [
    ...(is('volunteer') ? [['#/residents', 'navResidents'], ['#/orders', 'navOrders'], ['#/follow-ups', 'navFollowUps']] : []),
    ...(is('resident') && state.claims.resident ? [['#/residents/' + state.claims.resident, 'orderForMe'], ['#/orders', 'navOrders']] : []),
    ...(is('team-member') ? [['#/inbox', 'navInbox'], ['#/hours', 'navHours']] : [])
  ];
}

/** What the user has typed and chosen on the screen, to put back when it is drawn again (in another language). */
function typed() {
  return [...$('view').querySelectorAll('input, select, textarea')].map(field => {
    const choice = field.type === 'checkbox' || field.type === 'radio';
    return [field.id || `${field.name}=${field.value}`, choice ? field.checked : field.value, choice];
  });
}

function retype(fields) {
  for (const [key, value, choice] of fields) {
    const field = $(key) || [...$('view').querySelectorAll('input')].find(f => `${f.name}=${f.value}` === key);
    if (!field) continue;
    if (choice) field.checked = value;
    else field.value = value;
    field.dispatchEvent(new Event('change'));
  }
}

async function route(fields = []) {
  state.live.forEach(clearInterval);
  state.live = [];
  const available = tabs();
  const hash = location.hash;
  const screen = SCREENS.find(([pattern]) => pattern.test(hash));
  if (!screen) {
    if (available.length) location.replace(available[0][0]);
    else show(`<p role="alert">${esc(words().problems.forbidden)}</p>`);
    return;
  }
  $('nav').innerHTML = available.map(([href, key]) => `<a href="${href}"${hash.startsWith(href)
    ? ' aria-current="page"' : ''}>${esc(t(key))}</a>`).join('');
  $('nav').hidden = available.length < 2;
  await screen[1](...hash.match(screen[0]).slice(1));
  retype(fields);
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  $('lang').textContent = t('language');
  $('nav').setAttribute('aria-label', t('menu'));
  network();
}

function network() {
  $('net').hidden = navigator.onLine;
  $('net').textContent = t('offline');
}

function signedOut(reason, offline) {
  $('view').hidden = $('nav').hidden = $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in').hidden = false;
  $('sign-in-button').hidden = Boolean(offline);
  $('sign-in-error').textContent = reason || '';
}

function start() {
  state.claims = session.claims();
  $('sign-in').hidden = true;
  $('view').hidden = $('sign-out').hidden = false;
  $('who').textContent = [me(), state.claims.region || state.claims.team].filter(Boolean).join(' · ');
  route();
  flush();
}

function begin() {
  if (!navigator.onLine) return signedOut(t('offlineStart'), true);
  session.begin(start, refusal => signedOut(t('signInFailed') + refusal), locale());
}

$('sign-in').onsubmit = event => { event.preventDefault(); session.toLogin(locale()); };
$('sign-out').onclick = () => { clearTimeout(state.typing); state.live.forEach(clearInterval); session.signOut(); };
$('lang').onclick = () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('feiyan.lang', state.lang);
  applyLanguage();
  if (session.token()) route(typed());
};
window.addEventListener('hashchange', () => { if (session.token()) route(); });
window.addEventListener('offline', network);
window.addEventListener('online', () => {
  network();
  if (session.token()) flush();
  else begin();
});
setInterval(tick, 1000);
setInterval(flush, 10_000);
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => undefined);
applyLanguage();
begin();
