import type { ImportProblem, PositionInput } from '@kaolu/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { checkPositionAgainstPolicy, columnsFor, normaliseExamFields } from './position-format';
import { readPositionSheet } from './position-excel';
import { position } from './position.table';
import type { EventRecord } from '../events';
import type { UnitRow } from '../units';

/** What openForEdit has checked and read, handed to the use case that edits. */
export type EditContext = { event: EventRecord; unitRow: UnitRow; brochureId: string };

/**
 * The Excel import of a unit's positions (INT-02, INT-05 formats): every row checked against the
 * event's format and policy, then written in one transaction — all rows or none. Runs inline for
 * small sheets and as the positions.import job for large ones (index.ts), through the same
 * `openForEdit` checks as form editing.
 */
export function createPositionImport(deps: {
  db: Db;
  audit: AuditLog;
  now: () => Date;
  openForEdit: (
    tx: DbOrTx,
    eventId: string,
    unitId: string,
    principal: Principal | undefined | 'checked',
  ) => Promise<EditContext>;
}) {
  const { db, audit, now, openForEdit } = deps;

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
            .set({ ...values, updatedAt: now() })
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

  return { importRows };
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
export function toColumns(input: PositionInput) {
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
