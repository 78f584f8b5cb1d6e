import type { ScoredKind, ScoreSheetStatus, SheetSync } from '@kaolu/contracts';

// The tablet's own copy of every score sheet (IVW-08): written on each keystroke, before anything
// is sent, so a dropped network, a reload or a restart of the tablet loses nothing typed.

/** Which sheet: one examiner (the signed-in account), one candidate, one kind, one session. */
export type SheetSlot = {
  ownerId: string;
  sessionId: string;
  groupId: string;
  interviewCandidateId: string;
  kind: ScoredKind;
};

/** The last refusal of the server for this sheet (e.g. 提交 with a score out of its band). */
export type SheetRefusal = {
  code: string;
  message: string;
  /** Each problem, with the indicator code it belongs to when the server names one. */
  problems: Array<{ field: string | null; message: string }>;
};

/** A sheet as the tablet holds it; `revision` grows by one with every change. */
export type LocalSheet = SheetSlot & {
  clientKey: string;
  revision: number;
  scores: Record<string, number>;
  comment: string;
  /** The newest revision the server acknowledged (0: none yet). */
  ackedRevision: number;
  /** The server's status at ackedRevision; null until the first acknowledgement. */
  serverStatus: ScoreSheetStatus | null;
  refusal: SheetRefusal | null;
};

/** An unsent revision: the whole body of the PUT, newest per sheet (older ones are superseded). */
export type OutboxEntry = { clientKey: string; revision: number; body: SheetSync };

/**
 * The storage behind the sheet book: IndexedDB on the tablet, memory in unit tests. `write` stores
 * the sheet and its outbox entry together (null removes the entry), so the two never disagree.
 */
export type SheetStore = {
  readAll(): Promise<{ sheets: LocalSheet[]; outbox: OutboxEntry[] }>;
  write(sheet: LocalSheet, outbox: OutboxEntry | null): Promise<void>;
  /** Forgets a sheet and its outbox entry (a sheet re-keyed to the server's). */
  remove(clientKey: string): Promise<void>;
};

/** A store in memory: the unit tests' stand-in for IndexedDB, and the fallback without it. */
export function createMemorySheetStore(): SheetStore & { writes: number } {
  const sheets = new Map<string, LocalSheet>();
  const outbox = new Map<string, OutboxEntry>();
  const store = {
    writes: 0,
    // Copies in and out, as IndexedDB's structured clone does: callers never share objects with it.
    async readAll() {
      return {
        sheets: [...sheets.values()].map((s) => structuredClone(s)),
        outbox: [...outbox.values()].map((o) => structuredClone(o)),
      };
    },
    async write(sheet: LocalSheet, entry: OutboxEntry | null) {
      store.writes += 1;
      sheets.set(sheet.clientKey, structuredClone(sheet));
      if (entry) outbox.set(sheet.clientKey, structuredClone(entry));
      else outbox.delete(sheet.clientKey);
    },
    async remove(clientKey: string) {
      sheets.delete(clientKey);
      outbox.delete(clientKey);
    },
  };
  return store;
}
