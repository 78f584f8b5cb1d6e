import { type AdminPosition, type PositionInput } from '@kaolu/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { assertEventStatus, assertStageOpen, findEventById, type EventRecord } from '../events';
import { getUnitById } from '../units';
import { assertBrochureEditable } from './brochure-lifecycle';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { checkPositionAgainstPolicy, normaliseExamFields } from './position-format';
import { createPositionImport, toColumns, type EditContext } from './position-import';
import { assertUnitInScope } from './position-scope';
import { brochure, position } from './position.table';
import { presentAdminPosition, type PositionRow } from './positions.repository';
import type { BrochureStatus } from '@kaolu/contracts';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/**
 * What the positions use cases need; `now` is replaceable so tests can move the brochure window.
 */
export type PositionsDeps = { db: Db; audit: AuditLog; now: () => Date };
export type PositionsService = ReturnType<typeof createPositionsService>;

/** The brochure row of a unit in an event, created on first use and locked for the transaction. */
export async function lockBrochure(tx: DbOrTx, eventId: string, unitId: string) {
  await tx
    .insert(brochure)
    .values({ eventId, unitId })
    // Insert-if-missing then SELECT … FOR UPDATE: two first edits of a unit at once create one row
    // and then wait for each other, instead of one failing on the unique index.
    .onConflictDoNothing({ target: [brochure.eventId, brochure.unitId] });
  const [row] = await tx
    .select()
    .from(brochure)
    .where(and(eq(brochure.eventId, eventId), eq(brochure.unitId, unitId)))
    .for('update');
  return { ...row!, status: row!.status as BrochureStatus };
}

/** POSITION.INVALID naming every problem of one position, for the form to show by field. */
function invalid(problems: Array<{ field: string; message: string }>): AppError {
  return new AppError('POSITION.INVALID', {
    message: `职位信息有误：${problems.map((p) => p.message).join('；')}`,
    details: { fields: problems },
  });
}

/**
 * Units fill their brochure's positions by form or Excel: only while the event collects
 * brochures, inside the brochure window, within the caller's unit scope and while the brochure is
 * being filled or was returned; every change audited in its transaction.
 */
export function createPositionsService(deps: PositionsDeps) {
  const { db, audit, now } = deps;

  /**
   * `principal` is 'checked' only for a queued import whose scope was checked when it was queued.
   * Checks in order of cost: event state and window, unit kind and scope, then the brochure row
   * lock.
   */
  async function openForEdit(
    tx: DbOrTx,
    eventId: string,
    unitId: string,
    principal: Principal | undefined | 'checked',
  ): Promise<EditContext> {
    const event = await findEventById(tx, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    assertEventStatus(event.status, ['collecting'], '填报职位');
    assertStageOpen(event, 'brochure', now());
    const unitRow = await getUnitById(tx, unitId);
    // A supervising department (主管部门) has no positions of its own; its units have.
    if (unitRow.kind !== 'unit')
      throw new AppError('POSITION.INVALID', {
        message: '职位须属于招录单位，不能直接挂在主管部门下',
      });
    if (principal !== 'checked') assertUnitInScope(principal, 'position.edit', unitRow, eventId);
    // The brochure lock comes last: every cheaper refusal happens before rows are locked.
    const row = await lockBrochure(tx, eventId, unitId);
    assertBrochureEditable(row.status);
    return { event, unitRow, brochureId: row.id };
  }

  /**
   * Refuses a code already used in this event (the unique index would answer a less helpful 500).
   */
  async function assertCodeFree(
    tx: DbOrTx,
    eventId: string,
    code: string,
    selfId?: string,
  ): Promise<void> {
    const [row] = await tx
      .select({ id: position.id })
      .from(position)
      .where(and(eq(position.eventId, eventId), eq(position.code, code)));
    if (row && row.id !== selfId)
      throw new AppError('POSITION.CODE_TAKEN', { message: `职位代码「${code}」在本事项中已存在` });
  }

  /** Checks a position against the event's format and policy and stores its exam fields by code. */
  function prepare(input: PositionInput, event: EventRecord): PositionInput {
    const problems = checkPositionAgainstPolicy(input, event.policy);
    if (problems.length) throw invalid(problems);
    return normaliseExamFields(input, event.policy);
  }

  /** One position row, or POSITION.NOT_FOUND. */
  async function getPosition(tx: DbOrTx, id: string): Promise<PositionRow> {
    const [row] = await tx.select().from(position).where(eq(position.id, id));
    if (!row) throw new AppError('POSITION.NOT_FOUND');
    return row;
  }

  const { importRows } = createPositionImport({ db, audit, now, openForEdit });

  return {
    /** Adds one position to the unit's brochure (form entry), audited with what was saved. */
    async create(
      eventId: string,
      unitId: string,
      input: PositionInput,
      ctx: ChangeContext,
    ): Promise<AdminPosition> {
      return db.transaction(async (tx) => {
        const { event, unitRow } = await openForEdit(tx, eventId, unitId, ctx.principal);
        const clean = prepare(input, event);
        await assertCodeFree(tx, eventId, clean.code);
        const [row] = await tx
          .insert(position)
          .values({ ...toColumns(clean), eventId, unitId, status: 'draft' })
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'position.created',
          targetType: 'position',
          targetId: row!.id,
          result: 'success',
          details: { to: clean },
        });
        return presentAdminPosition(row!, unitRow.name);
      });
    },

    /** Edits one position; the audit entry records before and after. */
    async update(id: string, input: PositionInput, ctx: ChangeContext): Promise<AdminPosition> {
      return db.transaction(async (tx) => {
        const before = await getPosition(tx, id);
        const { event, unitRow } = await openForEdit(
          tx,
          before.eventId,
          before.unitId,
          ctx.principal,
        );
        const clean = prepare(input, event);
        await assertCodeFree(tx, before.eventId, clean.code, id);
        const [row] = await tx
          .update(position)
          .set({ ...toColumns(clean), updatedAt: now() })
          .where(eq(position.id, id))
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'position.updated',
          targetType: 'position',
          targetId: id,
          result: 'success',
          details: { from: presentAdminPosition(before, unitRow.name), to: clean },
        });
        return presentAdminPosition(row!, unitRow.name);
      });
    },

    /** Deletes one position while its brochure is editable; the audit entry keeps what it was. */
    async remove(id: string, ctx: ChangeContext): Promise<void> {
      await db.transaction(async (tx) => {
        const before = await getPosition(tx, id);
        const { unitRow } = await openForEdit(tx, before.eventId, before.unitId, ctx.principal);
        await tx.delete(position).where(eq(position.id, id));
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'position.deleted',
          targetType: 'position',
          targetId: id,
          result: 'success',
          details: { from: presentAdminPosition(before, unitRow.name) },
        });
      });
    },

    // Exposed for the import job (index.ts), which passes scopeChecked.
    importRows,

    /** Checks scope and window before a large import is queued as a job (the job checks again). */
    async assertCanImport(
      eventId: string,
      unitId: string,
      principal: Principal | undefined,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await openForEdit(tx, eventId, unitId, principal);
      });
    },

    /** Counts rows with data quickly, to decide between an inline import and a job. */
    async countRows(fileBase64: string): Promise<number> {
      const sheet = await readFirstSheet(fileBase64);
      // actualRowCount counts rows with values; the header row is not a position.
      return Math.max(0, sheet.actualRowCount - 1);
    },

    // Outside a transaction: the admin routes read one position to check scope and present it.
    getPosition: (id: string) => getPosition(db, id),
  };
}

/** How many positions a unit has in an event (an empty brochure cannot be submitted). */
export async function countUnitPositions(
  tx: DbOrTx,
  eventId: string,
  unitId: string,
): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(position)
    .where(and(eq(position.eventId, eventId), eq(position.unitId, unitId)));
  return row?.n ?? 0;
}
