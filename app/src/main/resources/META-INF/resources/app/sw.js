// The app's service worker. At install it fetches the whole shell of its build (page, scripts, styles, icon) into a
// cache named for that build, and serves the shell from there alone: the app opens on no signal at all, and one
// start never pairs a file of one build with a file of another. A new build has a new worker (this file names its
// build): it fetches its own shell beside the old one and waits until a page of the app has loaded in full, which
// then lets it take over (app.js): the next start is the new build's; the other builds' caches are deleted. Only the
// page is refreshed behind, while the server still serves this build (it names it), so a change of the services'
// addresses reaches the phone. Calls to the services' APIs are never cached: they pass straight through. It also shows
// the notifications notification-service pushes (push.js subscribed), and opens the offer or order one is about.
const BUILD = '@feiyan.app.build@';
const SHELL = 'feiyan-app-shell-' + BUILD;
const PAGE = './';
const FILES = [PAGE, './app.js', './router.js', './api.js', './session.js', './names.js', './view.js', './forms.js',
  './answers.js', './outbox.js', './push.js', './text.js', './screens/residents.js', './screens/register.js', './screens/resident.js',
  './screens/order.js', './screens/orders.js', './screens/order-detail.js', './screens/follow-ups.js',
  './screens/inbox.js', './screens/work.js', './screens/hours.js', './screens/activity.js',
  './screens/activities.js', './screens/wechat-needs.js', './screens/notifications.js', './app.css', './manifest.webmanifest',
  './icon.svg', '/feiyan/sign-in.js', '/feiyan/ui.js'];

// past the browser's cache, which may hold a file of an earlier build
const fetchFresh = file => fetch(new Request(file, { cache: 'no-store' }));

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => Promise.all(FILES.map(async file => {
    const response = await fetchFresh(file);
    if (!response.ok) throw new Error(file + ' answered ' + response.status);
    await cache.put(file, response);
  }))));
});

self.addEventListener('message', event => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(name => name !== SHELL).map(name => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  const file = event.request.mode === 'navigate' ? PAGE
    : FILES.find(file => new URL(file, self.registration.scope).href === url.origin + url.pathname);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !file) return;
  event.respondWith(caches.open(SHELL).then(async cache => {
    const cached = await cache.match(file);
    if (file === PAGE) event.waitUntil(refreshPage(cache).catch(() => undefined));
    return cached || fetch(event.request);
  }));
});

/** The page again from the server, kept if it is still this build's (its settings may have changed). */
async function refreshPage(cache) {
  const response = await fetchFresh(PAGE);
  if (response.ok && (await response.clone().text()).includes('data-build="' + BUILD + '"')) {
    await cache.put(PAGE, response);
  }
}

/**
 * A message from notification-service (channels/PushChannel): {title, text, link, orderId, kind, critical}. One
 * notification per order (its tag): a reminder replaces the offer's, and rings again; a critical one stays until seen.
 */
self.addEventListener('push', event => {
  const message = event.data ? event.data.json() : {};
  event.waitUntil(self.registration.showNotification(message.title || '一点就来', {
    body: message.text || '', data: { link: message.link || '' }, tag: message.orderId || undefined,
    renotify: Boolean(message.orderId), requireInteraction: Boolean(message.critical), icon: 'icon.svg' }));
});

/**
 * A tap opens what the notification is about (its link, such as #/work/<orderId>): in the app's window when one is
 * open — it is told to go there, keeping its session — else in a new one.
 */
self.addEventListener('notificationclick', event => {
  event.notification.close();
  const link = event.notification.data?.link || '';
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(windows => {
    const app = windows.find(w => w.url.startsWith(self.registration.scope));
    if (!app) return self.clients.openWindow(new URL(link, self.registration.scope).href);
    app.postMessage({ open: link });
    return app.focus();
  }));
});
