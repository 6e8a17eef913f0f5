// The operators' live dispatch dashboard (dispatch's /dashboard): the queue of cases that need a person, counts, the
// review queue, open assignments by time left, waiting and unserved cases, recent escalations and declines, this
// month's dispatch quality, the notifications sent per channel; it follows the cases' changes as they happen, and
// announces a critical or urgent case that comes into the queue.
import { problemWords as problem, signInWith } from '/feiyan/sign-in.js';
import { dateTime, html, localeOf, monthIn, savedLanguage, saveLanguage, wordsOf } from '/feiyan/ui.js';

const TEXT = {
  zh: { title: '飞燕 派单中心 <small>Feiyan dispatch</small>', region: '辖区', tier: '层级', allTiers: '全部',
        VILLAGE: '村站', TOWN: '镇所', COUNTY: '县中心', review: '待审核', open: '进行中的派单', waiting: '待派 / 无人承接',
        recent: '最近的升级与拒单', live: '● 实时', offline: '○ 未连接', approve: '通过', reject: '驳回', assign: '指派',
        escalate: '升级', reason: '理由', none: '暂无', left: '剩余', overdue: '已超时', unserved: '无人承接',
        IN_REVIEW: '待审核', WAITING: '待派', ASSIGNED: '已派单', ACCEPTED: '已接单', COMPLETED: '已完成',
        CANCELLED: '已取消', REJECTED: '已驳回', needReason: '请填写理由', team: '队伍',
        signIn: '登录', signOut: '退出', signInHint: '请通过县里的统一身份认证登录。',
        refused: '登录已失效，请重新登录。', signInFailed: '登录未成功：', quality: '本月派单质量',
        qOrders: '本月订单', qVillage: '村里解决', qLowest: '在最低可服务层级解决', qAccepted: '接单用时（中位 / 90%）',
        qMissed: '超期未完成（未上报）', qUnserved: '无队可派（最长等待）', qBusiest: '最忙的队（相对应得份额）',
        queue: '需要人工处理', CRITICAL: '非常紧急', URGENT: '紧急', ROUTINE: '一般', COMPLEX: '复杂',
        why: reason => ({ DECLINED_BY_ALL: '能接的队伍都已拒单', UNSERVED: '没有有空的队伍', DEADLINE_PASSED: '超过完成期限',
          REVIEW_WAITING: '待审核太久' })[reason] || reason,
        waited: age => `已等 ${age}`, handledBy: region => `由 ${region} 处理`, offer: '派给这个队',
        several: '同时派给几个队（先接者得）', offerSeveral: '同时派给所选各队', pickSeveral: '请至少选两个队',
        offering: '提供这项服务的队伍（全县）', otherTeams: '本辖区其他队伍', declinedIt: '已拒单', pickTeam: '请选择队伍',
        callNote: '请村里的飞燕志愿者问居民或告诉居民什么', call: '请志愿者打电话', needNote: '请写明要问或要告诉居民的话',
        announce: (urgency, need, village, reason) => `${urgency}：${village} 的「${need}」需要人工处理——${reason}`,
        notify: '🔔 桌面提醒', dismiss: '知道了', plainTitle: '飞燕 派单中心',
        activities: '活动（统单）', activity: '活动', addToActivity: '加入这个活动', pickActivity: '请选择活动',
        residents: n => `${n} 位居民`, takesPlace: '时间', PLANNED: '待接受', merge: '并入', split: '拆出所选',
        mergeInto: '并入另一个活动…', pickOrders: '请勾选要拆出的订单',
        notifications: '通知', nSent: '已发送', nWaiting: '待发送', nFailed: '失败',
        nUnreachable: '无法送达', nRepeated: '可能重复', PUSH: '应用推送', SMS: '短信', WECHAT: '微信公众号' },
  en: { title: 'Feiyan dispatch <small>飞燕 派单中心</small>', region: 'Region', tier: 'Tier', allTiers: 'All',
        VILLAGE: 'Village', TOWN: 'Town', COUNTY: 'County', review: 'Review queue', open: 'Open assignments',
        waiting: 'Waiting / unserved', recent: 'Recent escalations and declines', live: '● live', offline: '○ offline',
        approve: 'Approve', reject: 'Reject', assign: 'Assign', escalate: 'Escalate', reason: 'reason', none: 'Nothing here',
        left: 'left', overdue: 'overdue', unserved: 'unserved', IN_REVIEW: 'In review', WAITING: 'Waiting',
        ASSIGNED: 'Assigned', ACCEPTED: 'Accepted', COMPLETED: 'Completed', CANCELLED: 'Cancelled', REJECTED: 'Rejected',
        needReason: 'Give a reason', team: 'team',
        signIn: 'Sign in', signOut: 'Sign out', signInHint: "Sign in with the county's accounts.",
        refused: 'Your session has ended: sign in again.', signInFailed: 'Sign-in did not succeed: ',
        quality: "This month's dispatch", qOrders: 'Orders this month', qVillage: 'Served in the village',
        qLowest: 'Served at the lowest capable tier', qAccepted: 'Time to accept (median / 90 %)',
        qMissed: 'Deadlines missed (not escalated)', qUnserved: 'Waited with no team (longest)',
        qBusiest: 'Busiest team (against its fair share)',
        queue: 'Needs a person', CRITICAL: 'Critical', URGENT: 'Urgent', ROUTINE: 'Routine', COMPLEX: 'Complex',
        why: reason => ({ DECLINED_BY_ALL: 'declined by every team that could take it', UNSERVED: 'no team with room',
          DEADLINE_PASSED: 'deadline passed', REVIEW_WAITING: 'waiting for review too long' })[reason] || reason,
        waited: age => `waiting ${age}`, handledBy: region => `for ${region}`, offer: 'Offer to this team',
        several: 'Offer to several at once (the first to accept takes it)', offerSeveral: 'Offer to these at once', pickSeveral: 'Pick at least two teams',
        offering: 'Teams offering it (whole county)', otherTeams: 'Other teams of the region', declinedIt: 'declined',
        pickTeam: 'Pick a team', callNote: "What the village's 飞燕 volunteer is to ask or tell the resident",
        call: 'Ask the volunteer to call', needNote: 'Say what to ask or tell the resident',
        announce: (urgency, need, village, reason) => `${urgency}: "${need}" in ${village} needs a person: ${reason}`,
        notify: '🔔 Desktop alerts', dismiss: 'Dismiss', plainTitle: 'Feiyan dispatch',
        activities: 'Activities (one visit for many)', activity: 'activity', addToActivity: 'Add to this activity',
        pickActivity: 'Pick an activity', residents: n => `${n} residents`, takesPlace: 'on', PLANNED: 'Planned',
        merge: 'Merge', split: 'Split the ticked out', mergeInto: 'merge into another…',
        pickOrders: 'Tick the orders to take out',
        notifications: 'Notifications', nSent: 'Sent', nWaiting: 'Waiting', nFailed: 'Failed',
        nUnreachable: 'Unreachable', nRepeated: 'Perhaps repeated', PUSH: 'App push', SMS: 'SMS', WECHAT: 'WeChat' }
};
// The page holds no data: every call carries the operator's bearer token, never put in a URL. The operator signs
// in through the county's Keycloak (/feiyan/sign-in.js: authorization code with PKCE, the tokens in this tab's memory,
// refreshed before they expire). The live stream is read with fetch(), as EventSource cannot send the token.
const SIGN_IN = document.querySelector('meta[name="feiyan-sign-in"]').dataset;
// queued: the ids of the cases in the queue as last shown, null until the first snapshot of a view (what a view holds
// when it opens is no news); activities: the open activities of the view's region (GET /api/activities)
const state = { lang: savedLanguage(), snapshot: null, stream: null, retry: null, queued: null, activities: [] };
const $ = id => document.getElementById(id);
const t = wordsOf(TEXT, () => state.lang);
const session = signInWith({ issuer: SIGN_IN.issuer, client: SIGN_IN.client, onEnded: () => signIn(t('refused')) });
const token = () => session.token();
const toLogin = () => session.toLogin(localeOf(state.lang));

function applyLanguage() {
  document.documentElement.lang = state.lang;
  // the dictionary's own words, with their markup (the title's <small>)
  document.querySelectorAll('[data-i18n]').forEach(el => {
    if (el.id !== 'live') el.innerHTML = t(el.dataset.i18n);
  });
  $('lang').textContent = state.lang === 'zh' ? 'English' : '中文';
  showNotifyButton();
  $('live').textContent = t($('live').classList.contains('on') ? 'live' : 'offline');
  if (state.snapshot) render(state.snapshot);
  renderQuality();
  renderNotifications();
}

function timeLeft(iso) {
  if (!iso) return '';
  const minutes = Math.round((new Date(iso) - Date.now()) / 60000);
  if (minutes < 0) return html`<span class="late">${t('overdue')} ${-minutes} min</span>`;
  return minutes >= 120 ? `${Math.round(minutes / 60)} h ${t('left')}` : `${minutes} min ${t('left')}`;
}

function caseLine(c) {
  const need = c.projectCode || c.category;
  return html`<div><span class="status">${t(c.status)}</span> · ${need} · ${t(c.tier)}${c.teamCode ? ' · ' + c.teamCode : ''}</div>
    <div class="meta">${c.orderId} · ${c.villageCode} · ${c.urgency}${c.reviewReason ? ' · ' + c.reviewReason : ''}</div>`;
}

function actions(c, kinds) {
  const teams = state.snapshot.teams.map(team => html`<option value="${team.code}">${team.name} (${t(team.tier)})</option>`);
  return html`<div class="actions">
    ${kinds.includes('approve') ? html`<button class="primary approve" data-act="approve">${t('approve')}</button>` : ''}
    ${kinds.includes('reject') || kinds.includes('escalate') ? html`<input class="reason" placeholder="${t('reason')}">` : ''}
    ${kinds.includes('reject') ? html`<button class="danger reject" data-act="reject">${t('reject')}</button>` : ''}
    ${kinds.includes('escalate') && c.tier !== 'COUNTY' ? html`<button class="escalate" data-act="escalate">${t('escalate')}</button>` : ''}
    ${kinds.includes('assign') ? html`<select class="team"><option value="">${t('team')}…</option>${teams}</select>
      <button class="assign" data-act="assign">${t('assign')}</button>` : ''}
  </div>`;
}

/** How long, in minutes, hours or days: '45 min', '3 h', '2 d'. */
function age(iso) {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso)) / 60000));
  return minutes < 120 ? `${minutes} min` : minutes < 2880 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 1440)} d`;
}

function queueLine(c) {
  return html`<li data-order="${c.orderId}" data-reason="${c.reason}" class="urgency-${c.urgency}">
    <div><span class="reason-label">${t('why', c.reason)}</span> · <span class="urgency">${t(c.urgency)}</span> · ${c.projectCode || c.category}</div>
    <div class="meta">${c.orderId} · ${c.villageCode} · <span class="age">${t('waited', age(c.since))}</span>${c.teamCode ? ' · ' + c.teamCode : ''} · ${t('handledBy', c.handledBy)}</div>
    ${queueActions(c)}</li>`;
}

/**
 * One step each, every step a group of its own in a row that wraps: offer it to a team the operator names — the
 * county's teams offering its need, of any town, nearest first, then the region's others — or to several of those
 * offering it at once, add it to an open activity of its project, and ask the village's 飞燕 volunteer to call the
 * resident. An accepted case stays with its team: it can only be followed up by a call.
 */
function queueActions(c) {
  const option = team => html`<option value="${team.code}">${team.name} (${t(team.tier)})${team.declined ? ' · ' + t('declinedIt') : ''}</option>`;
  const offering = new Set(c.teams.map(team => team.code));
  const others = state.snapshot.teams.filter(team => !offering.has(team.code));
  return html`<div class="actions queue-actions">
    ${c.status !== 'ACCEPTED' ? html`<div class="act offer"><select class="team" aria-label="${t('team')}"><option value="">${t('team')}…</option>
      ${c.teams.length ? html`<optgroup label="${t('offering')}">${c.teams.map(option)}</optgroup>` : ''}
      ${others.length ? html`<optgroup label="${t('otherTeams')}">${others.map(option)}</optgroup>` : ''}</select>
      <button class="assign" data-act="assign">${t('offer')}</button></div>` : ''}
    ${c.status !== 'ACCEPTED' && c.teams.length > 1 ? html`<fieldset class="act several"><legend>${t('several')}</legend>
      ${c.teams.map(team => html`<label><input type="checkbox" class="several-team" value="${team.code}">${team.name}</label>`)}
      <button class="assign" data-act="offer">${t('offerSeveral')}</button></fieldset>` : ''}
    ${c.status !== 'ACCEPTED' && joinable(c).length ? html`<div class="act join"><select class="activity" aria-label="${t('activity')}">
      <option value="">${t('activity')}…</option>${joinable(c).map(a => html`<option value="${a.id}">${activityName(a)}</option>`)}</select>
      <button class="join" data-act="activity">${t('addToActivity')}</button></div>` : ''}
    <div class="act call"><input class="note" placeholder="${t('callNote')}" aria-label="${t('callNote')}">
      <button class="call" data-act="call-request">${t('call')}</button></div>
  </div>`;
}

/** The open activities a queued case may be added to: of its project, their place holding its village. */
function joinable(c) {
  return state.activities.filter(a => a.projectCode === c.projectCode && c.villageCode.startsWith(a.placeCode));
}

function activityName(a) {
  return `${a.teamCode} · ${a.placeCode} · ${dateTime(a.takesPlace, SIGN_IN.zone, state.lang)} · ${t('residents', a.residents)}`;
}

/** An activity: its team, project, place, time and residents; merge it into another of its project, or split orders out. */
function activityLine(a) {
  const others = state.activities.filter(other => other.id !== a.id && other.projectCode === a.projectCode);
  return html`<li data-activity="${a.id}"><div><span class="status">${t(a.status)}</span> · ${a.projectCode} · ${activityName(a)}</div>
    <div class="meta">${a.id}</div>
    <div class="actions queue-actions">
      ${others.length ? html`<div class="act merge"><select class="into" aria-label="${t('mergeInto')}"><option value="">${t('mergeInto')}</option>
        ${others.map(other => html`<option value="${other.id}">${activityName(other)}</option>`)}</select>
        <button class="merge" data-activity-act="merge">${t('merge')}</button></div>` : ''}
      ${a.orderIds.length > 1 ? html`<div class="act split">${a.orderIds.map(id => html`<label class="meta"><input type="checkbox" class="split-order" value="${id}"> ${id.slice(0, 8)}</label>`)}
        <button class="split" data-activity-act="split">${t('split')}</button></div>` : ''}
    </div></li>`;
}

/** Announces the critical and urgent cases that came into the queue since it was last shown; drops those that left. */
function announceArrivals(queue) {
  const seen = state.queued;
  state.queued = new Set(queue.map(c => c.orderId));
  document.querySelectorAll('#announcements [data-announced]').forEach(box => {
    if (!state.queued.has(box.dataset.announced)) box.remove();
  });
  if (!seen) return;
  queue.filter(c => !seen.has(c.orderId) && (c.urgency === 'CRITICAL' || c.urgency === 'URGENT')).forEach(c => {
    const words = t('announce', t(c.urgency), c.projectCode || c.category, c.villageCode, t('why', c.reason));
    $('announcements').insertAdjacentHTML('afterbegin', String(html`<p class="announcement urgency-${c.urgency}"
      role="alert" data-announced="${c.orderId}"><span>${words}</span>
      <button type="button" class="dismiss">${t('dismiss')}</button></p>`));
    if ('Notification' in window && Notification.permission === 'granted') {
      new Notification(t('plainTitle'), { body: words, tag: c.orderId });
    }
  });
}

/** The browser's notifications are asked for on the operator's click, never on load: the button shows until then. */
function showNotifyButton() {
  $('notify').hidden = !('Notification' in window) || Notification.permission !== 'default' || $('board').hidden;
}

function list(id, items, line) {
  $(id).innerHTML = items.length ? html`${items.map(line)}` : html`<li class="empty">${t('none')}</li>`;
}

function render(s) {
  list('queue', s.queue, queueLine);
  list('activities', state.activities, activityLine);
  $('counts').innerHTML = html`${Object.entries(s.counts).map(([status, n]) =>
    html`<div class="count" data-count="${status}"><b>${n}</b><span>${t(status)}</span></div>`)}`;
  list('review', s.review, c => html`<li data-order="${c.orderId}">${caseLine(c)}${actions(c, ['approve', 'reject', 'assign'])}</li>`);
  list('open', s.open, c => html`<li data-order="${c.orderId}">${caseLine(c)}
    <div class="meta time-left">${c.status === 'ASSIGNED' ? timeLeft(c.acceptBy) : ''}</div>${actions(c, ['escalate', 'assign'])}</li>`);
  list('unserved', s.unserved, c => html`<li data-order="${c.orderId}">${caseLine(c)}
    ${c.unserved ? html`<div class="late">${t('unserved')}</div>` : ''}${actions(c, ['assign', 'escalate', 'reject'])}</li>`);
  list('recent', s.recent, d => html`<li data-order="${d.orderId}"><div><span class="status">${d.kind}</span> · <span class="detail">${d.detail}</span></div>
    <div class="meta">${d.orderId} · ${dateTime(d.at, SIGN_IN.zone, state.lang)}${d.actor ? ' · ' + d.actor : ''}</div></li>`);
}

/**
 * This month's dispatch quality in the operator's region, from feedback's metrics (GET /api/metrics/dispatch and
 * /loads, README "Dispatch quality"): asked again a little after the cases change, and every minute.
 */
async function quality() {
  const month = monthIn(SIGN_IN.zone);
  const region = session.claims().region;
  if (!region) return;
  const query = new URLSearchParams({ region, from: month, to: month });
  try {
    const [dispatch, loads] = await Promise.all(['dispatch', 'loads']
      .map(figures => api(SIGN_IN.feedback + '/api/metrics/' + figures + '?' + query).catch(() => null)));
    if (!dispatch || !dispatch.ok) return;
    // the busiest team with a fair share of at least five orders, as the simulation's headline: fewer say little
    const busiest = loads && loads.ok ? (await loads.json()).rows.find(row => row.fairShare >= 5) : undefined;
    state.quality = { ...((await dispatch.json()).rows[0] || { orders: 0 }), busiest };
  } catch {
    return;
  }
  renderQuality();
}

function renderQuality() {
  const q = state.quality;
  if (!q) return;
  const share = x => x == null ? '–' : `${Math.round(x * 1000) / 10} %`;
  const time = m => m == null ? '–' : m < 120 ? `${m} min` : m < 2880 ? `${Math.round(m / 6) / 10} h` : `${Math.round(m / 144) / 10} d`;
  $('quality').innerHTML = html`${[
    ['qOrders', q.orders], ['qVillage', share(q.servedInVillage)], ['qLowest', share(q.servedAtLowestCapableTier)],
    ['qAccepted', `${time(q.acceptedP50Minutes)} / ${time(q.acceptedP90Minutes)}`],
    ['qMissed', q.deadlinesMissed == null ? '–' : `${q.deadlinesMissed} (${q.deadlinesMissedNotEscalated})`],
    ['qUnserved', q.waitedUnserved == null ? '–' : `${q.waitedUnserved} (${time(q.unservedLongestMinutes)})`],
    ['qBusiest', q.busiest?.load == null ? '–' : `${q.busiest.team} ${q.busiest.load} ×`]
  ].map(([key, value]) => html`<div class="figure"><dt>${t(key)}</dt><dd>${value}</dd></div>`)}`;
}

/**
 * The notifications per channel, from notification's delivery log (GET /api/notifications/counts): sent, waiting,
 * failed (given up), unreachable (no live address), perhaps repeated (sent again after a crash). Asked with the
 * month's figures; the panel shows once notification has answered.
 */
async function notificationCounts() {
  try {
    const response = await api(SIGN_IN.notification + '/api/notifications/counts');
    if (!response || !response.ok) return;
    state.notifications = await response.json();
  } catch {
    return;
  }
  renderNotifications();
}

const DELIVERY_COUNTS = [['sent', 'nSent'], ['waiting', 'nWaiting'], ['failed', 'nFailed'],
  ['unreachable', 'nUnreachable'], ['repeated', 'nRepeated']];

function renderNotifications() {
  const counts = state.notifications;
  if (!counts) return;
  $('notifications-panel').hidden = false;
  $('notifications').innerHTML = counts.length ? html`${counts.map(row => html`<div class="channel" data-channel="${row.channel}">
    <h3>${t(row.channel)}</h3><dl>${DELIVERY_COUNTS.map(([count, words]) =>
      html`<div class="figure" data-count="${count}"><dt>${t(words)}</dt><dd>${row[count]}</dd></div>`)}</dl></div>`)}`
    : html`<p class="empty">${t('none')}</p>`;
}

/** What the dashboard shows of the other services: the month's dispatch quality and the notifications. */
function othersFigures() {
  quality();
  notificationCounts();
}

function notice(text) {
  $('notice').textContent = text || '';
  $('notice').hidden = !text;
}

const api = session.call;

/** Who signed in, for the header only. */
function whoIs() {
  const claims = session.claims();
  return [claims.upn || claims.sub, claims.region].filter(Boolean).join(' · ');
}

function viewQuery() {
  const query = new URLSearchParams();
  if ($('region').value.trim()) query.set('region', $('region').value.trim());
  if ($('tier').value) query.set('tier', $('tier').value);
  return query;
}

/** The operator is typing or choosing in the board: drawing it again now would lose what they have begun. */
function typing() {
  const active = document.activeElement;
  return Boolean(active && active.closest('main') && active.matches('input, select'));
}

async function refresh() {
  if (!token()) return;
  // the month's figures and the notifications follow the cases: asked 3 s after they last changed (feedback and
  // notification hear the same events)
  clearTimeout(state.qualitySoon);
  state.qualitySoon = setTimeout(othersFigures, 3000);
  const region = $('region').value.trim();
  const [response, activities] = await Promise.all([api('/api/dashboard?' + viewQuery()),
    api('/api/activities' + (region ? '?' + new URLSearchParams({ region }) : '')).catch(() => null)]);
  if (!response) return;
  state.activities = activities && activities.ok ? await activities.json() : [];
  if (!response.ok) { // a region outside the operator's, say: show why, and nothing of before
    notice(await problem(response));
    state.snapshot = null;
    ['counts', 'queue', 'activities', 'review', 'open', 'unserved', 'recent', 'announcements'].forEach(id => $(id).innerHTML = '');
    state.queued = null;
    return;
  }
  state.snapshot = await response.json();
  // a case that came into the queue is announced at once; the board is drawn again once the operator is done typing
  announceArrivals(state.snapshot.queue);
  if (typing()) { document.activeElement.addEventListener('blur', soon, { once: true }); return; }
  if (!$('region').value.trim()) $('region').value = state.snapshot.region; // the operator's own region
  notice('');
  render(state.snapshot);
}

let pending = null;
function soon() {
  clearTimeout(pending);
  pending = setTimeout(refresh, 200);
}

function showLive(on) {
  $('live').classList.toggle('on', on);
  $('live').textContent = t(on ? 'live' : 'offline');
}

/** Reads the server-sent events: frames end at a blank line; each data line holds a changed case. */
async function listen() {
  stopListening();
  const stream = new AbortController();
  state.stream = stream;
  const used = token();
  try {
    const response = await fetch('/api/dashboard/stream', { signal: stream.signal, cache: 'no-store',
      headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + used } });
    if (response.status === 401) { session.refused(used); return; }
    if (response.status === 403) { notice(await problem(response)); return; }
    if (!response.ok || !response.body) throw new Error(`the stream answered ${response.status}`);
    showLive(true);
    soon();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const frames = buffer.split(/\r\n\r\n|\n\n|\r\r/);
      buffer = frames.pop();
      frames.forEach(frame);
    }
  } catch (error) {
    if (stream.signal.aborted) return; // signed out, or listening anew
  }
  if (state.stream !== stream) return;
  // the stream ended (a restart, a lost connection, or the token expired): listen again, and a refused token signs out
  showLive(false);
  state.retry = setTimeout(listen, 3000);
}

function frame(text) {
  const data = text.split(/\r\n|\n|\r/).filter(line => line.startsWith('data:'))
    .map(line => line.slice(5).replace(/^ /, '')).join('\n');
  if (!data) return;
  try {
    if (JSON.parse(data).orderId) soon();
  } catch {
    // not a change: nothing to do
  }
}

function stopListening() {
  clearTimeout(state.retry);
  const stream = state.stream;
  state.stream = null;
  if (stream) stream.abort();
  showLive(false);
}

/** Shows the sign-in box, saying why if there is a reason. */
function signIn(reason) {
  stopListening();
  state.snapshot = null;
  state.queued = null;
  $('announcements').innerHTML = '';
  notice('');
  $('board').hidden = true;
  $('notify').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = reason || '';
  $('sign-in-button').focus();
}

function start() {
  const params = new URLSearchParams(location.search);
  $('region').value = params.get('region') || '';
  $('tier').value = params.get('tier') || '';
  $('sign-in').hidden = true;
  $('board').hidden = false;
  $('sign-out').hidden = false;
  $('who').textContent = whoIs();
  showNotifyButton();
  refresh();
  listen();
  othersFigures();
  clearInterval(state.qualityTimer);
  state.qualityTimer = setInterval(othersFigures, 60000);
}

$('sign-in').onsubmit = event => { event.preventDefault(); toLogin(); };
$('sign-out').onclick = event => { event.preventDefault(); stopListening(); session.signOut(); };

document.addEventListener('click', async event => {
  const dismiss = event.target.closest('#announcements button.dismiss');
  if (dismiss) { dismiss.closest('.announcement').remove(); return; }
  const activityButton = event.target.closest('button[data-activity-act]');
  if (activityButton) { await onActivity(activityButton); return; }
  const button = event.target.closest('button[data-act]');
  if (!button) return;
  const item = button.closest('[data-order]');
  const act = button.dataset.act;
  const reason = item.querySelector('.reason')?.value.trim() || null;
  const teamCode = item.querySelector('.team')?.value || null;
  const note = item.querySelector('.note')?.value.trim() || null;
  const activityId = item.querySelector('.activity')?.value || null;
  const teamCodes = [...item.querySelectorAll('.several-team:checked')].map(box => box.value);
  if (act === 'activity' && !activityId) { alert(t('pickActivity')); return; }
  if (act === 'offer' && teamCodes.length < 2) { alert(t('pickSeveral')); return; }
  if ((act === 'reject' || act === 'escalate') && !reason) { alert(t('needReason')); return; }
  if (act === 'assign' && !teamCode) { alert(t('pickTeam')); return; }
  if (act === 'call-request' && !note) { alert(t('needNote')); return; }
  button.disabled = true;
  const response = await api(`/api/cases/${encodeURIComponent(item.dataset.order)}/${act}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(act === 'call-request' ? { note } : act === 'activity' ? { activityId }
      : act === 'offer' ? { reason, teamCodes } : { reason, teamCode }) });
  if (!response) return;
  if (!response.ok) { button.disabled = false; alert(await problem(response)); }
  soon();
});
/** Merges the activity into the one chosen, or splits the ticked orders out of it. */
async function onActivity(button) {
  const item = button.closest('[data-activity]');
  const act = button.dataset.activityAct;
  const into = item.querySelector('.into')?.value || null;
  const orderIds = [...item.querySelectorAll('.split-order:checked')].map(box => box.value);
  if (act === 'merge' && !into) { alert(t('pickActivity')); return; }
  if (act === 'split' && !orderIds.length) { alert(t('pickOrders')); return; }
  button.disabled = true;
  const response = await api(`/api/activities/${encodeURIComponent(item.dataset.activity)}/${act}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(act === 'merge' ? { into } : { orderIds }) });
  if (!response) return;
  if (!response.ok) { button.disabled = false; alert(await problem(response)); }
  soon();
}
$('notify').onclick = () => Notification.requestPermission().then(showNotifyButton);
$('lang').onclick = () => { state.lang = state.lang === 'zh' ? 'en' : 'zh'; saveLanguage(state.lang); applyLanguage(); };
['region', 'tier'].forEach(id => $(id).onchange = () => {
  history.replaceState(null, '', '?' + viewQuery());
  state.queued = null; // another view: what it holds is no news
  refresh();
});
setInterval(() => state.snapshot && !typing() && render(state.snapshot), 30000); // time left ticks down, ages up
// a review comes into the queue by waiting, with no change to hear of: the snapshot is asked for every minute too
setInterval(() => state.snapshot && soon(), 60000);
applyLanguage();
session.begin(start, refusal => signIn(t('signInFailed') + refusal), localeOf(state.lang));
