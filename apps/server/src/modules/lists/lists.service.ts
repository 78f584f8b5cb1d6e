import type { ListEntry, ListKind } from '@kaolu/contracts';
import { LIST_KIND_LABELS } from '@kaolu/contracts';
import { validateIdNumber } from '@kaolu/domain';
import { and, asc, count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber } from '../../platform/masking';
import { assertEventStatus, findEventById } from '../events';
import { findUnitsByIds } from '../units';
import { createListImport } from './list-import';
import { listEntry, type ListValue } from './list-entry.table';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** What the routes and other modules see of the lists. */
export type ListsService = ReturnType<typeof createListsService>;
export type { ListValue } from './list-entry.table';
/** A list_entry row as Drizzle reads it. */
type Row = typeof listEntry.$inferSelect;

/**
 * Normalised ID number, or LIST.ID_NUMBER_INVALID with the domain's Chinese reasons. Numbers are
 * stored in the validated form (upper-case X), so their blind index matches later lookups.
 */
function checkIdNumber(raw: string): string {
  const result = validateIdNumber(raw);
  if (!result.ok)
    throw new AppError('LIST.ID_NUMBER_INVALID', {
      message: `身份证号码不正确：${result.reasons.map((r) => r.message).join('；')}`,
    });
  return result.value.idNumber;
}

/**
 * REG-01 whitelist (ID → directed unit) and greylist (ID → reason): single entries and Excel,
 * matched by blind index, each change audited old → new with its reason. Nothing is cached: every
 * check reads the database, so a change is in force on every instance as soon as it commits.
 */
export function createListsService(deps: {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  now: () => Date;
}) {
  const { db, audit, crypto, now } = deps;
  // The blind index is a keyed hash of the normalised number: equal numbers match without
  // decrypting.
  const bidxOf = (idNumber: string) => crypto.blindIndex('id_number', idNumber);

  /** Names of the directed units of some entries, read in one query. */
  async function unitNames(tx: DbOrTx, ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((i): i is string => !!i))];
    if (!wanted.length) return new Map();
    return new Map((await findUnitsByIds(tx, wanted)).map((u) => [u.id, u.name]));
  }

  /** Lists of a closed event are history: every change checks the event is still running. */
  async function openEvent(tx: DbOrTx, eventId: string): Promise<void> {
    const event = await findEventById(tx, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    assertEventStatus(
      event.status,
      ['draft', 'collecting', 'published', 'registration', 'in_progress'],
      '调整名单',
    );
  }

  /** Inserts or replaces one entry inside the caller's transaction; audits old → new. */
  async function put(
    tx: DbOrTx,
    eventId: string,
    kind: ListKind,
    idNumber: string,
    value: ListValue,
    reason: string,
    ctx: ChangeContext,
  ) {
    // The existing entry is locked, so two changes of one number serialise and each audits the
    // right "from".
    const bidx = bidxOf(idNumber);
    const [before] = await tx
      .select()
      .from(listEntry)
      .where(
        and(
          eq(listEntry.eventId, eventId),
          eq(listEntry.kind, kind),
          eq(listEntry.idNumberBidx, bidx),
        ),
      )
      .for('update');
    // The id is chosen before the insert because the ciphertext is bound to it.
    const id = before?.id ?? randomUUID();
    // Only the masked number goes into the audit entry and the list page (NFR-SEC-3).
    const masked = maskIdNumber(idNumber);
    if (before)
      await tx
        .update(listEntry)
        // The number is unchanged (it is the key), so only the value and the time are written.
        .set({ ...value, updatedAt: now() })
        .where(eq(listEntry.id, id));
    else {
      // Encrypted with the row id as associated data, so the ciphertext only decrypts in this row
      // (NFR-SEC-2).
      const idNumberEnc = crypto.encryptField(idNumber, {
        table: 'list_entry',
        column: 'id_number',
        rowId: id,
      });
      await tx.insert(listEntry).values({
        id,
        eventId,
        kind,
        idNumberBidx: bidx,
        idNumberEnc,
        idNumberMasked: masked,
        ...value,
      });
    }
    await audit.record(tx, {
      ...auditBase(ctx),
      action: `${kind}.changed`,
      targetType: 'list_entry',
      targetId: id,
      result: 'success',
      details: {
        eventId,
        idNumber: masked,
        from: before ? { unitId: before.unitId, note: before.note } : null,
        to: value,
        reason,
      },
    });
  }

  /** Entries as the list page shows them: masked number and the directed unit's name. */
  async function present(tx: DbOrTx, rows: Row[]): Promise<ListEntry[]> {
    const names = await unitNames(
      tx,
      rows.map((r) => r.unitId),
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      idNumberMasked: r.idNumberMasked,
      unitId: r.unitId,
      unitName: r.unitId ? (names.get(r.unitId) ?? null) : null,
      note: r.note,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  const { importSheet } = createListImport({ db, openEvent, put });

  return {
    /** One page of an event's whitelist or greylist, oldest first, optionally for one ID number. */
    async list(
      eventId: string,
      kind: ListKind,
      page: { page: number; pageSize: number },
      idNumber?: string,
    ) {
      const parts = [eq(listEntry.eventId, eventId), eq(listEntry.kind, kind)];
      // The search term is normalised like a stored number before its blind index is taken.
      if (idNumber) parts.push(eq(listEntry.idNumberBidx, bidxOf(idNumber.trim().toUpperCase())));
      const where = and(...parts);
      const [rows, [totals]] = await Promise.all([
        db
          .select()
          .from(listEntry)
          .where(where)
          .orderBy(asc(listEntry.createdAt))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ n: count() }).from(listEntry).where(where),
      ]);
      return { items: await present(db, rows), total: totals?.n ?? 0 };
    },

    /**
     * Sets one entry by hand: ID number checked (GB 11643), directed unit must exist, in one
     * transaction.
     */
    async put(
      eventId: string,
      kind: ListKind,
      rawId: string,
      value: ListValue,
      reason: string,
      ctx: ChangeContext,
    ): Promise<void> {
      const idNumber = checkIdNumber(rawId);
      await db.transaction(async (tx) => {
        await openEvent(tx, eventId);
        // The directed unit must exist; the foreign key would only answer a less helpful 500.
        if (value.unitId) await assertUnitsExist(tx, [value.unitId]);
        await put(tx, eventId, kind, idNumber, value, reason, ctx);
      });
    },

    /** Removes an entry; audited like a change, with `to: null` and the reason. */
    /**
     * Removes an entry; `assertInScope` refuses a caller whose grant does not cover the entry's
     * event (least privilege, NFR-SEC-1) before anything changes.
     */
    async remove(
      entryId: string,
      reason: string,
      ctx: ChangeContext,
      assertInScope: (eventId: string) => void,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(listEntry)
          .where(eq(listEntry.id, entryId))
          .for('update');
        if (!before) throw new AppError('LIST.ENTRY_NOT_FOUND');
        assertInScope(before.eventId);
        // Locked before the event check, so a removal and a concurrent change of it serialise.
        await openEvent(tx, before.eventId);
        await tx.delete(listEntry).where(eq(listEntry.id, entryId));
        await audit.record(tx, {
          ...auditBase(ctx),
          action: `${before.kind}.changed`,
          targetType: 'list_entry',
          targetId: entryId,
          result: 'success',
          details: {
            eventId: before.eventId,
            idNumber: before.idNumberMasked,
            from: { unitId: before.unitId, note: before.note },
            to: null,
            reason,
          },
        });
      });
    },

    importSheet,

    /** For other modules (registration, adjustment): the entries naming an ID number in an event. */
    async match(
      eventId: string,
      idNumber: string,
      tx: DbOrTx = db,
    ): Promise<{ whitelistUnitId: string | null; greylistNote: string | null }> {
      // Takes the caller's transaction, so a use case can read the lists inside its own.
      return matchByBlindIndex(tx, eventId, bidxOf(idNumber.trim().toUpperCase()));
    },
    // The Chinese name of a list kind, for other modules' messages.
    kindLabel: (kind: ListKind) => LIST_KIND_LABELS[kind],
  };
}

/**
 * The whitelist unit and greylist reason for a blind-indexed ID number, read fresh from the
 * database. Exported for callers that hold only the blind index (the candidate's stored
 * idNumberBidx).
 */
export async function matchByBlindIndex(tx: DbOrTx, eventId: string, idNumberBidx: string) {
  const rows = await tx
    .select({ kind: listEntry.kind, unitId: listEntry.unitId, note: listEntry.note })
    .from(listEntry)
    .where(and(eq(listEntry.eventId, eventId), eq(listEntry.idNumberBidx, idNumberBidx)));
  return {
    whitelistUnitId: rows.find((r) => r.kind === 'whitelist')?.unitId ?? null,
    greylistNote: rows.find((r) => r.kind === 'greylist')?.note ?? null,
  };
}

/** Throws UNIT.NOT_FOUND unless every id names a unit. */
async function assertUnitsExist(tx: DbOrTx, ids: string[]): Promise<void> {
  const rows = await findUnitsByIds(tx, ids);
  if (rows.length !== ids.length) throw new AppError('UNIT.NOT_FOUND');
}
