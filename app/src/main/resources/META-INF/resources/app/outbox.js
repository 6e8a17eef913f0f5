// Orders waiting on the phone for a connection (weak rural signal): each kept in IndexedDB with its Idempotency-Key
// until intake has answered it, so a retry — after a reload, a lost answer, a second tab — never places it twice.
import { call } from './api.js';
import { me, session } from './session.js';

const DB = 'feiyan-app';
const STORE = 'orders';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/**
 * An order kept: { key (its Idempotency-Key), body (the request), who (the account), label, keptAt, needId (the need
 * from WeChat it places, if any), problem? }.
 */
export const keep = entry => run('readwrite', store => store.put(entry));
export const forget = key => run('readwrite', store => store.delete(key));
/** The orders kept for this account, oldest first. */
export const kept = async who => (await run('readonly', store => store.getAll()))
  .filter(entry => entry.who === who).sort((a, b) => a.keptAt.localeCompare(b.keptAt));

/**
 * Sends one kept order with its Idempotency-Key. Sent: forgotten here, the order back. No connection (or the services
 * away): kept, to send again. Refused: kept with the refusal, for its user to see and discard.
 */
export async function send(entry) {
  const result = await call('intake', '/api/orders', { method: 'POST', body: entry.body,
    headers: { 'Idempotency-Key': entry.key } });
  if (result.offline || result.refused || result.status >= 500) return { waiting: true };
  if (result.ok) {
    await forget(entry.key);
    // a need a resident wrote to the WeChat account, now an order: it leaves the village's list of needs to confirm
    if (entry.needId) {
      await call('notification', `/api/wechat/needs/${entry.needId}/placed`, { method: 'POST',
        body: { orderId: result.body.orderId } });
    }
    return { order: result.body };
  }
  await keep({ ...entry, refusal: { status: result.status, body: result.body } });
  return { refused: result };
}

let flushing = false;

/**
 * Sends every kept order of this account that waits, oldest first; stops at the first that cannot go yet. How many
 * were sent.
 */
export async function flush() {
  if (flushing || !session.token() || !navigator.onLine) return 0;
  flushing = true;
  let sent = 0;
  try {
    for (const entry of await kept(me())) {
      if (entry.refusal) continue;
      const outcome = await send(entry);
      if (outcome.waiting) break;
      if (outcome.order) sent++;
    }
  } finally {
    flushing = false;
  }
  return sent;
}
