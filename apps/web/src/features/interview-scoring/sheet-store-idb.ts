import type { LocalSheet, OutboxEntry, SheetStore } from './sheet-store';

// IndexedDB behind the SheetStore interface (IVW-08): one database per browser profile, two
// object stores keyed by clientKey: `sheets` (every sheet ever touched here) and `outbox` (the
// newest unsent revision of each sheet). Kept this small so the sync logic is tested without it.

const DB_NAME = 'kaolu-interview-scoring';
const DB_VERSION = 1;

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('sheets'))
      db.createObjectStore('sheets', { keyPath: 'clientKey' });
    if (!db.objectStoreNames.contains('outbox'))
      db.createObjectStore('outbox', { keyPath: 'clientKey' });
  };
  return promised(request);
}

/** Resolves when the transaction is durable (complete), not merely when its requests succeeded. */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** The tablet's store; null where IndexedDB is missing (the page then warns that nothing is kept). */
export function createIndexedDbSheetStore(): SheetStore | null {
  if (typeof indexedDB === 'undefined') return null;
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => (opened ??= openDb());
  return {
    async readAll() {
      const tx = (await db()).transaction(['sheets', 'outbox'], 'readonly');
      const [sheets, outbox] = await Promise.all([
        promised(tx.objectStore('sheets').getAll() as IDBRequest<LocalSheet[]>),
        promised(tx.objectStore('outbox').getAll() as IDBRequest<OutboxEntry[]>),
      ]);
      return { sheets, outbox };
    },
    async write(sheet, entry) {
      // One read-write transaction over both stores: the sheet and its outbox entry change together.
      const tx = (await db()).transaction(['sheets', 'outbox'], 'readwrite');
      tx.objectStore('sheets').put(sheet);
      if (entry) tx.objectStore('outbox').put(entry);
      else tx.objectStore('outbox').delete(sheet.clientKey);
      await done(tx);
    },
    async remove(clientKey) {
      const tx = (await db()).transaction(['sheets', 'outbox'], 'readwrite');
      tx.objectStore('sheets').delete(clientKey);
      tx.objectStore('outbox').delete(clientKey);
      await done(tx);
    },
  };
}
