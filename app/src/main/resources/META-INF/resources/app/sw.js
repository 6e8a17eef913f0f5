// The app's service worker: the shell (page, scripts, styles, icon) comes from the cache at once, and is refreshed
// from the network behind it, so the app opens on no signal at all; calls to the services' APIs are never cached
// (they pass straight through). A new shell is used from the next start.
const SHELL = 'feiyan-app-shell-v1';
const FILES = ['./', './app.js', './router.js', './api.js', './session.js', './names.js', './view.js', './forms.js',
  './outbox.js', './text.js', './screens/residents.js', './screens/register.js', './screens/resident.js',
  './screens/order.js', './screens/orders.js', './screens/order-detail.js', './screens/follow-ups.js',
  './screens/inbox.js', './screens/work.js', './screens/hours.js', './app.css', './manifest.webmanifest',
  './icon.svg', '/feiyan/sign-in.js', '/feiyan/ui.js'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(name => name !== SHELL).map(name => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  const shell = event.request.mode === 'navigate' ? new URL('./', self.registration.scope).href
    : FILES.map(file => new URL(file, self.registration.scope).href).find(file => file === url.origin + url.pathname);
  if (event.request.method !== 'GET' || url.origin !== location.origin || !shell) return;
  event.respondWith(caches.open(SHELL).then(async cache => {
    const cached = await cache.match(shell);
    const fresh = fetch(shell).then(response => {
      if (response.ok) cache.put(shell, response.clone());
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  }));
});
