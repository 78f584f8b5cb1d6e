import { onBeforeUnmount, ref } from 'vue';
import { createSheetBook, type SheetBook } from './sheet-book';
import { createIndexedDbSheetStore } from './sheet-store-idb';
import { createMemorySheetStore } from './sheet-store';
import { scoringApi } from './scoring.api';

// One sheet book per tablet page load (IVW-08), shared by every page that shows sheets, read back
// from IndexedDB before the first sheet is shown and resumed by the browser's `online` event.

let shared: { book: SheetBook; ready: Promise<void>; durable: boolean } | null = null;

function open() {
  const idb = createIndexedDbSheetStore();
  const book = createSheetBook({
    store: idb ?? createMemorySheetStore(),
    send: (key, body) => scoringApi.syncSheet(key, body),
    newKey: () => crypto.randomUUID(),
    isOnline: () => navigator.onLine,
    schedule: (run, ms) => setTimeout(run, ms),
    cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  // Back online: send at once instead of waiting for the next retry.
  window.addEventListener('online', () => void book.flush());
  return { book, ready: book.load(), durable: idb !== null };
}

/**
 * The shared book and a `version` that changes whenever a sheet or the queue changes, for
 * computed values to depend on (the book itself holds plain objects, as IndexedDB needs them).
 */
export function useSheetBook() {
  shared ??= open();
  const version = ref(0);
  const online = ref(navigator.onLine);
  const stop = shared.book.subscribe(() => (version.value += 1));
  const onlineNow = () => (online.value = navigator.onLine);
  window.addEventListener('online', onlineNow);
  window.addEventListener('offline', onlineNow);
  onBeforeUnmount(() => {
    stop();
    window.removeEventListener('online', onlineNow);
    window.removeEventListener('offline', onlineNow);
  });
  return { ...shared, version, online };
}
