import { type AdminPosition, type ImportProblem, type PositionInput } from '@kaolu/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { assertEventStatus, assertStageOpen, findEventById, type EventRecord } from '../events';
import { getUnitById, type UnitRow } from '../units';
import { assertBrochureEditable } from './brochure-lifecycle';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { checkPositionAgainstPolicy, columnsFor, normaliseExamFields } from './position-format';
import { readPositionSheet } from './position-excel';
import { assertUnitInScope } from './position-scope';
import { brochure, position } from './position.table';
import { presentAdminPosition, type PositionRow } from './positions.repository';
import type { BrochureStatus } from '@kaolu/contracts';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/**
 * What the positions use cases need; `now` is replaceable so tests can move the brochure window.
 */
export type PositionsDeps = { db: Db; audit: AuditLog; now?: () => Date };
export type PositionsService = ReturnType<typeof createPositionsService>;
/** What openForEdit has checked and read, handed to the use case that edits. */
type EditContext = { event: EventRecord; unitRow: UnitRow; brochureId: string };

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
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

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

  /** Validates and writes every row, or none: one problem anywhere leaves the brochure unchanged. */
  async function importRows(
    eventId: string,
    unitId: string,
    fileBase64: string,
    ctx: ChangeContext,
    scopeChecked = false,
  ) {
    const sheet = await readFirstSheet(fileBase64);
    return db.transaction(async (tx) => {
      const { event, unitRow } = await openForEdit(
        tx,
        eventId,
        unitId,
        scopeChecked ? 'checked' : ctx.principal,
      );
      // The sheet is read against the event's own format, so a 聘任制 sheet brings its own columns.
      const { rows, problems } = readPositionSheet(sheet, columnsFor(event.policy));
      // A code twice in one file would let the second row silently overwrite the first: reported
      // instead.
      const seen = new Map<string, number>();
      for (const { row, input } of rows) {
        for (const p of checkPositionAgainstPolicy(input, event.policy))
          problems.push({ row, ...p });
        const first = seen.get(input.code);
        if (first !== undefined)
          problems.push({
            row,
            field: '职位代码',
            message: `职位代码「${input.code}」与第${first}行重复`,
          });
        seen.set(input.code, row);
      }
      const codes = rows.map((r) => r.input.code);
      // Codes already in the event: the unit's own are updated, another unit's are refused.
      const existing = codes.length
        ? await tx
            .select({ id: position.id, code: position.code, unitId: position.unitId })
            .from(position)
            .where(and(eq(position.eventId, eventId), inArray(position.code, codes)))
        : [];
      const byCode = new Map(existing.map((e) => [e.code, e]));
      for (const { row, input } of rows) {
        const other = byCode.get(input.code);
        if (other && other.unitId !== unitId)
          problems.push({
            row,
            field: '职位代码',
            message: `职位代码「${input.code}」已被其他单位使用`,
          });
      }
      // All or nothing: one problem anywhere and nothing is written (the transaction rolls back).
      if (problems.length) throw rowsInvalid(problems);
      const fresh: Array<typeof position.$inferInsert> = [];
      for (const { input } of rows) {
        const values = toColumns(normaliseExamFields(input, event.policy));
        const current = byCode.get(input.code);
        if (current)
          await tx
            .update(position)
            .set({ ...values, updatedAt: new Date() })
            .where(eq(position.id, current.id));
        else fresh.push({ ...values, eventId, unitId, status: 'draft' });
      }
      // New rows go in batches: one statement per 500 positions keeps a 20 000-row brochure quick.
      for (let i = 0; i < fresh.length; i += 500)
        await tx.insert(position).values(fresh.slice(i, i + 500));
      // One audit entry for the whole import, with counts: thousands of per-row entries would bury
      // it.
      const created = fresh.length;
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'positions.imported',
        targetType: 'brochure',
        targetId: `${eventId}:${unitId}`,
        result: 'success',
        details: { unit: unitRow.name, rows: rows.length, created, updated: rows.length - created },
      });
      return { imported: rows.length };
    });
  }

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
          .set({ ...toColumns(clean), updatedAt: new Date() })
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

/**
 * The import report as one error: nothing was written, every problem listed by row and column.
 * Exported for the hires import (position-hires.service), which reports the same way.
 */
export function rowsInvalid(problems: ImportProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return new AppError('IMPORT.ROWS_INVALID', {
    message: `导入文件有 ${sorted.length} 处错误，未导入任何数据，请按报告逐行修改`,
    details: { problems: sorted },
  });
}

/**
 * A validated input as table columns. Derived columns (education_rank, residence, major_text) are
 * left to the database.
 */
function toColumns(input: PositionInput) {
  return {
    code: input.code,
    title: input.title,
    category: input.category,
    examCategory: input.examCategory ?? null,
    examSubject: input.examSubject ?? null,
    headcount: input.headcount,
    conditions: input.conditions,
    details: input.details,
    township: input.township,
    basicPolice: input.basicPolice,
    acceptsAdjustment: input.acceptsAdjustment,
    interviewRatio: input.interviewRatio ?? null,
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
