// Notifications on this phone (the W3C Push API): the browser asks for permission only when the user taps "turn on
// notifications", never on load; then it subscribes at its push service with notification-service's public key, and
// the subscription is given to notification-service for whoever is signed in. The service worker (sw.js) shows what
// comes, and a tap on it opens the offer or the order.
import { call } from './api.js';

const SUBSCRIPTIONS = '/api/notifications/push/subscriptions';
/** A browser that cannot reach its push service waits for it without end: the button is given back after this. */
const SUBSCRIBE_TIMEOUT = 20_000;

export const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** Whether the browser has refused to ask again (the user said no): only its settings can change that. */
export const blocked = () => supported() && Notification.permission === 'denied';

/** On a tap: permission asked, this browser subscribed and told to notification-service: 'on', 'blocked' or 'failed'. */
export async function turnOn() {
  if (!supported()) return 'failed';
  if (await Notification.requestPermission() !== 'granted') return 'blocked';
  return subscribe();
}

/**
 * At sign-in, without asking anything: with permission given before, the subscription is given to notification-service
 * again, for the person signed in now ('on'); else 'off'.
 */
export async function resume() {
  return supported() && Notification.permission === 'granted' ? subscribe() : 'off';
}

/** At sign-out: this browser's notifications are no longer the person's (they may lend the phone). */
export async function forget() {
  if (!supported()) return;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await call('notification', SUBSCRIPTIONS + '?endpoint=' + encodeURIComponent(subscription.endpoint), { method: 'DELETE' });
  }
}

async function subscribe() {
  try {
    const key = await call('notification', '/api/notifications/push/key');
    if (!key.ok) return 'failed';
    const serverKey = bytes(key.body.publicKey);
    const registration = await navigator.serviceWorker.ready;
    let subscription = await registration.pushManager.getSubscription();
    // made with another server key (the county made new keys): no message signed with the new one would reach it
    if (subscription && !same(subscription.options.applicationServerKey, serverKey)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ||= await Promise.race([
      registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey }),
      new Promise((_, fail) => setTimeout(() => fail(new Error('no answer from the push service')), SUBSCRIBE_TIMEOUT))]);
    const saved = await call('notification', SUBSCRIPTIONS, { method: 'POST', body: subscription.toJSON() });
    return saved.ok ? 'on' : 'failed';
  } catch {
    // no push service reachable (a browser without one, no connection): the button stays for another try
    return 'failed';
  }
}

function bytes(base64url) {
  const text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(text, c => c.charCodeAt(0));
}

function same(buffer, key) {
  const a = new Uint8Array(buffer || []);
  return a.length === key.length && a.every((b, i) => b === key[i]);
}
