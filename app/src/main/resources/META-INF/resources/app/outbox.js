// Orders waiting on the phone for a connection (weak rural signal): each kept in IndexedDB with its Idempotency-Key
// until intake has answered it, so a retry — after a reload, a lost answer, a second tab — never places it twice.

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

/** An order kept: { key (its Idempotency-Key), body (the request), who (the account), label, keptAt, problem? }. */
export const keep = entry => run('readwrite', store => store.put(entry));
export const forget = key => run('readwrite', store => store.delete(key));
/** The orders kept for this account, oldest first. */
export const kept = async who => (await run('readonly', store => store.getAll()))
  .filter(entry => entry.who === who).sort((a, b) => a.keptAt.localeCompare(b.keptAt));
