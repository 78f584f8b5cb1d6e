import type { SheetSync, SheetSyncResult, StoredSheet } from '@kaolu/contracts';
import type { LocalSheet, OutboxEntry, SheetRefusal, SheetSlot, SheetStore } from './sheet-store';
import { refusalOf, RETRY_MS, type FailureLike, type SheetPlace } from './sheet-place';

export { RETRY_MS, SHEET_PLACE_LABELS, type SheetPlace } from './sheet-place';

// The examiner's sheets on the tablet and their way to the server (IVW-08, IVW-10). Every change
// is stored first (revision + 1, outbox entry), then a single sync loop sends the newest revision
// of each sheet with PUT …/sheets/:clientKey. The server keeps the highest revision and answers a
// repeated one with replay: true, so sending again after a lost answer or a reload is harmless.

/** Sends one revision; rejects with the http client's ApiError (status 0 when no answer came). */
export type SendSheet = (clientKey: string, body: SheetSync) => Promise<SheetSyncResult>;

export type SheetBookOptions = {
  store: SheetStore;
  send: SendSheet;
  /** A new idempotency key (crypto.randomUUID on the tablet). */
  newKey: () => string;
  /** navigator.onLine: while false nothing is tried until the `online` event or the next retry. */
  isOnline: () => boolean;
  /** setTimeout / clearTimeout, injected so the unit tests drive retries by hand. */
  schedule: (run: () => void, ms: number) => unknown;
  cancel: (handle: unknown) => void;
};

// One sheet per examiner, session, group, candidate and kind: the slot names it on the tablet.
const slotKey = (s: SheetSlot) =>
  [s.ownerId, s.sessionId, s.groupId, s.interviewCandidateId, s.kind].join('|');

export type SheetBook = ReturnType<typeof createSheetBook>;

/** The sheet book of one tablet: read back with `load()` before the page shows any sheet. */
export function createSheetBook(options: SheetBookOptions) {
  const { store, send } = options;
  const sheets = new Map<string, LocalSheet>();
  const bySlot = new Map<string, string>();
  const outbox = new Map<string, OutboxEntry>();
  const listeners = new Set<() => void>();
  let attempt = 0;
  let timer: unknown = null;
  let flushing: Promise<void> | null = null;
  let lastError: string | null = null;

  const notify = () => listeners.forEach((fn) => fn());
  function remember(sheet: LocalSheet) {
    sheets.set(sheet.clientKey, sheet);
    bySlot.set(slotKey(sheet), sheet.clientKey);
  }

  /** Stores the sheet with its outbox entry (or none), then tells the page. */
  async function persist(sheet: LocalSheet, entry: OutboxEntry | null) {
    remember(sheet);
    if (entry) outbox.set(sheet.clientKey, entry);
    else outbox.delete(sheet.clientKey);
    notify();
    await store.write(sheet, entry);
  }

  function bodyOf(sheet: LocalSheet, submit: boolean): OutboxEntry {
    const body: SheetSync = {
      interviewCandidateId: sheet.interviewCandidateId,
      sessionId: sheet.sessionId,
      groupId: sheet.groupId,
      kind: sheet.kind,
      revision: sheet.revision,
      scores: { ...sheet.scores },
      comment: sheet.comment || undefined,
      submit,
    };
    return { clientKey: sheet.clientKey, revision: sheet.revision, body };
  }

  /** The sheet of a slot, made on the first touch: the server's key if it already holds one. */
  function sheetOf(slot: SheetSlot, server: StoredSheet | null): LocalSheet {
    const key = bySlot.get(slotKey(slot));
    const found = key ? sheets.get(key) : undefined;
    if (found) return { ...found, scores: { ...found.scores } };
    return {
      ...slot,
      clientKey: server?.clientKey ?? options.newKey(),
      revision: server?.revision ?? 0,
      scores: { ...(server?.scores ?? {}) },
      comment: server?.comment ?? '',
      ackedRevision: server?.revision ?? 0,
      serverStatus: server?.status ?? null,
      refusal: null,
    };
  }

  function scheduleRetry() {
    if (timer !== null) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    attempt += 1;
    timer = options.schedule(() => {
      timer = null;
      void flush();
    }, delay);
  }

  /** Applies the server's answer to a sent revision; typing done meanwhile stays queued. */
  async function acknowledge(entry: OutboxEntry, result: SheetSyncResult) {
    const sheet = sheets.get(entry.clientKey)!;
    const next: LocalSheet = {
      ...sheet,
      ackedRevision: Math.max(sheet.ackedRevision, result.revision),
      serverStatus: result.status,
    };
    const queued = outbox.get(entry.clientKey);
    if (queued && queued.revision > entry.revision) {
      await persist(next, queued);
    } else if (result.replay && result.revision > entry.revision && editable(result.status)) {
      // Another device wrote a higher revision of this sheet: what was typed here must still win,
      // so it goes again above the server's revision.
      next.revision = result.revision + 1;
      await persist(next, bodyOf(next, entry.body.submit));
    } else {
      await persist(next, null);
    }
  }

  /** A refused revision leaves the queue; a refused 提交 is kept on the server as a draft. */
  async function refuse(entry: OutboxEntry, refusal: SheetRefusal) {
    const sheet = sheets.get(entry.clientKey)!;
    const queued = outbox.get(entry.clientKey);
    const next: LocalSheet = { ...sheet, refusal };
    if (queued && queued.revision > entry.revision) return persist(next, queued);
    if (entry.body.submit && refusal.code === 'INTERVIEW.SHEET_INVALID') {
      next.revision = sheet.revision + 1;
      return persist(next, bodyOf(next, false));
    }
    return persist(next, null);
  }

  async function runQueue() {
    while (outbox.size > 0) {
      if (!options.isOnline()) {
        lastError = '网络未连接';
        notify();
        return scheduleRetry();
      }
      const entry = outbox.values().next().value!;
      try {
        const result = await send(entry.clientKey, entry.body);
        attempt = 0;
        lastError = null;
        await acknowledge(entry, result);
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) {
          lastError = (error as FailureLike)?.message
            ? String((error as FailureLike).message)
            : '同步失败';
          notify();
          return scheduleRetry();
        }
        await refuse(entry, refusal);
      }
    }
  }

  /** Sends what is queued, one sheet at a time; concurrent calls share the running loop. */
  function flush(): Promise<void> {
    if (timer !== null) {
      options.cancel(timer);
      timer = null;
    }
    flushing ??= runQueue().finally(() => {
      flushing = null;
    });
    return flushing;
  }

  /** One change typed by the examiner: stored at once (awaited), then sent when possible. */
  async function edit(
    slot: SheetSlot,
    change: { scores?: Record<string, number | null>; comment?: string },
    server: StoredSheet | null = null,
  ): Promise<LocalSheet> {
    const sheet = sheetOf(slot, server);
    for (const [code, value] of Object.entries(change.scores ?? {})) {
      if (value === null || Number.isNaN(value)) delete sheet.scores[code];
      else sheet.scores[code] = value;
    }
    if (change.comment !== undefined) sheet.comment = change.comment;
    sheet.revision += 1;
    sheet.refusal = null;
    await persist(sheet, bodyOf(sheet, false));
    void flush();
    return sheet;
  }

  /** 提交: the whole sheet once more, with submit, as a new revision. */
  async function submit(slot: SheetSlot, server: StoredSheet | null = null) {
    const sheet = sheetOf(slot, server);
    sheet.revision += 1;
    sheet.refusal = null;
    await persist(sheet, bodyOf(sheet, true));
    await flush();
    return sheets.get(sheet.clientKey)!;
  }

  /**
   * The server's copy from the queue: a status that changed there (confirmed, withdrawn) or a higher
   * revision typed elsewhere is taken over unless this tablet has unsent changes, which then go
   * again above the server's revision.
   */
  async function adopt(slot: SheetSlot, server: StoredSheet | null) {
    if (!server) return;
    const key = bySlot.get(slotKey(slot));
    const local = key ? sheets.get(key) : undefined;
    const queued = local && outbox.get(local.clientKey);
    if (!local) return persist(sheetOf(slot, server), null);
    if (local.clientKey !== server.clientKey && local.refusal?.code === 'INTERVIEW.SHEET_EXISTS') {
      // This tablet started a second sheet where another device had one: its typing goes on
      // under the server's key, above the server's revision.
      const next = {
        ...local,
        clientKey: server.clientKey,
        revision: server.revision + 1,
        refusal: null,
      };
      sheets.delete(local.clientKey);
      outbox.delete(local.clientKey);
      await store.remove(local.clientKey);
      return persist(next, bodyOf(next, false)).then(() => void flush());
    }
    if (queued) {
      if (queued.revision > server.revision) return;
      const next = { ...local, revision: server.revision + 1 };
      return persist(next, bodyOf(next, queued.body.submit)).then(() => void flush());
    }
    if (server.revision < local.revision && server.status === local.serverStatus) return;
    const takeContent = server.revision >= local.revision;
    await persist(
      {
        ...local,
        clientKey: server.clientKey,
        revision: Math.max(local.revision, server.revision),
        scores: takeContent ? { ...server.scores } : local.scores,
        comment: takeContent ? (server.comment ?? '') : local.comment,
        ackedRevision: Math.max(local.ackedRevision, server.revision),
        serverStatus: server.status,
      },
      null,
    );
  }

  function editable(status: LocalSheet['serverStatus']) {
    return status === null || status === 'draft' || status === 'withdrawn';
  }

  return {
    /** Reads the stored sheets back and resumes sending what was not acknowledged. */
    async load() {
      const saved = await store.readAll();
      saved.sheets.forEach(remember);
      saved.outbox.forEach((o) => outbox.set(o.clientKey, o));
      notify();
      void flush();
    },
    find(slot: SheetSlot): LocalSheet | undefined {
      const key = bySlot.get(slotKey(slot));
      return key ? sheets.get(key) : undefined;
    },
    /** Where the sheet is: unsent changes first, then what the server said last. */
    placeOf(sheet: LocalSheet | undefined): SheetPlace {
      if (!sheet) return 'none';
      if (outbox.has(sheet.clientKey)) return 'local';
      return sheet.serverStatus ?? 'local';
    },
    /** Whether a 提交 of this sheet waits in the outbox. */
    submitPending: (sheet: LocalSheet | undefined) =>
      !!sheet && outbox.get(sheet.clientKey)?.body.submit === true,
    /** Whether the examiner may still change the sheet (not handed in, or withdrawn). */
    editable: (sheet: LocalSheet | undefined) =>
      !sheet || (editable(sheet.serverStatus) && outbox.get(sheet.clientKey)?.body.submit !== true),
    pendingCount: () => outbox.size,
    /** Resolves when the running send loop (if any) has finished. */
    idle: () => flushing ?? Promise.resolve(),
    lastError: () => lastError,
    /** After a withdraw the server answered: the sheet may be scored and submitted again. */
    async markWithdrawn(clientKey: string) {
      const sheet = sheets.get(clientKey);
      if (sheet)
        await persist({ ...sheet, serverStatus: 'withdrawn' }, outbox.get(clientKey) ?? null);
    },
    edit,
    submit,
    adopt,
    flush,
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
