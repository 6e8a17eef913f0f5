// Where the user is: the screen the address names (#/…), and the screens their roles offer in the menu; what a role
// may not do is not offered.
import { html } from '/feiyan/ui.js';
import activities from './screens/activities.js';
import activity from './screens/activity.js';
import followUps from './screens/follow-ups.js';
import hours from './screens/hours.js';
import inbox from './screens/inbox.js';
import notifications from './screens/notifications.js';
import orderDetail from './screens/order-detail.js';
import order from './screens/order.js';
import orders from './screens/orders.js';
import register from './screens/register.js';
import resident from './screens/resident.js';
import residents from './screens/residents.js';
import weChatNeeds from './screens/wechat-needs.js';
import work from './screens/work.js';
import { is, state, t, words } from './session.js';
import { $, leaveScreen, show } from './view.js';

const SCREENS = [
  [/^#\/residents$/, residents], [/^#\/residents\/new$/, register],
  [/^#\/residents\/([\w-]+)$/, resident], [/^#\/order\/([\w-]+)\/([\w-]+)$/, order],
  // a need a resident wrote to the WeChat account, placed as an order in their own words (before the activity's address)
  [/^#\/order\/([\w-]+)\/wechat\/([\w-]+)$/, (residentId, needId) => order(residentId, 'other', undefined, needId)],
  [/^#\/order\/([\w-]+)\/([\w-]+)\/([\w-]+)$/, order], [/^#\/activities$/, activities],
  [/^#\/activity\/([\w-]+)$/, activity],
  [/^#\/orders$/, orders], [/^#\/orders\/([\w-]+)$/, orderDetail],
  [/^#\/follow-ups$/, followUps], [/^#\/inbox$/, inbox], [/^#\/work\/([\w-]+)$/, work],
  [/^#\/hours$/, hours], [/^#\/wechat-needs$/, weChatNeeds], [/^#\/notifications$/, notifications]
];

/** The screens a user's roles offer, first the one they start on. */
function tabs() {
  return [
    ...(is('volunteer') ? [['#/residents', 'navResidents'], ['#/orders', 'navOrders'], ['#/follow-ups', 'navFollowUps'],
      ['#/activities', 'navActivities'], ['#/wechat-needs', 'navWeChatNeeds']] : []),
    ...(is('resident') && state.claims.resident ? [['#/residents/' + state.claims.resident, 'orderForMe'], ['#/orders', 'navOrders']] : []),
    ...(is('team-member') ? [['#/inbox', 'navInbox'], ['#/hours', 'navHours']] : [])
  ];
}

/** What the user has typed and chosen on the screen, to put back when it is drawn again (in another language). */
export function typed() {
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

/** Draws the screen the address names, what was typed (`fields`) put back; the user's first screen for no screen. */
export async function route(fields = []) {
  leaveScreen();
  const available = tabs();
  const hash = location.hash;
  const screen = SCREENS.find(([pattern]) => pattern.test(hash));
  if (!screen) {
    if (available.length) location.replace(available[0][0]);
    else show(html`<p role="alert">${words().problems.forbidden}</p>`);
    return;
  }
  $('nav').innerHTML = html`${available.map(([href, key]) => html`<a href="${href}"${hash.startsWith(href)
    ? html` aria-current="page"` : ''}>${t(key)}</a>`)}`;
  $('nav').hidden = available.length < 2;
  await screen[1](...hash.match(screen[0]).slice(1));
  retype(fields);
}
