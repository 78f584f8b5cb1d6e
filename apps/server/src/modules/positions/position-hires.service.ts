import type { AdminPosition, EventStatus, HireImportResult, ImportProblem } from '@kaolu/contracts';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { AppError } from '../../platform/errors/app-error';
import { assertEventStatus, assertEventInScope, findEventById, type EventRecord } from '../events';
import { unitsByIdOf } from '../units';
import {
  cellText,
  headerColumns,
  readFirstSheet,
  writeSheet,
} from '../../platform/excel/excel-cells';
import { position } from './position.table';
import { findAdminPositions, presentAdminPosition, type PositionRow } from './positions.repository';
import { rowsInvalid } from './position-import';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/** The sheet's columns: the export carries more (unit, title, headcount), the import reads these two. */
export const HIRE_CODE = '职位代码';
export const HIRE_COUNT = '录用人数';
// Hires exist once positions were published; a closed event still takes late corrections.
// Until the results stage records hires itself, org_admin enters them by hand or by sheet.
const HIREABLE: readonly EventStatus[] = ['published', 'registration', 'in_progress', 'closed'];

/** Why a position cannot take this hired count, in Chinese; undefined when it can. */
function hireProblem(
  p: Pick<PositionRow, 'code' | 'status' | 'headcount'>,
  hired: number,
): string | undefined {
  if (p.status !== 'published') return `职位「${p.code}」未发布，不能登记录用人数`;
  // More hires than headcount would make the second round open a negative number of places.
  if (hired > p.headcount) return `录用人数${hired}超过该职位招录人数${p.headcount}`;
  return undefined;
}

/**
 * INT-08 hires per position, until the results stage records them itself: org_admin sets one
 * position's count or imports a sheet (all-or-nothing, every bad row reported), and exports them.
 * The second round then opens headcount − hired. Every change is audited with old and new value.
 */
export function createHiresService(deps: { db: Db; audit: AuditLog; now: () => Date }) {
  const { db, audit, now } = deps;

  /** The event, locked, after checking the caller's event scope and that it takes hires. */
  async function loadEvent(tx: DbOrTx, eventId: string, ctx: ChangeContext): Promise<EventRecord> {
    assertEventInScope(ctx.principal, 'event.manage', eventId);
    const event = await findEventById(tx, eventId, true);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    assertEventStatus(event.status, HIREABLE, '登记录用人数');
    return event;
  }

  /** Sets one position's hired count (0 ≤ hired ≤ headcount). */
  async function setHired(
    positionId: string,
    hired: number,
    reason: string | undefined,
    ctx: ChangeContext,
  ): Promise<AdminPosition> {
    return db.transaction(async (tx) => {
      // Locks the position only; its unit's name is read beside it for the answer.
      const [p] = await tx.select().from(position).where(eq(position.id, positionId)).for('update');
      if (!p) throw new AppError('POSITION.NOT_FOUND');
      const found = { p, unitName: (await unitsByIdOf(tx, [p.unitId])).get(p.unitId)!.name };
      await loadEvent(tx, found.p.eventId, ctx);
      const problem = hireProblem(found.p, hired);
      if (problem)
        throw new AppError('POSITION.INVALID', {
          message: problem,
          details: { fields: [{ field: 'body.hired', label: HIRE_COUNT, message: problem }] },
        });
      const [row] = await tx
        .update(position)
        .set({ hired, updatedAt: now() })
        .where(eq(position.id, positionId))
        .returning();
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'position.hired_changed',
        targetType: 'position',
        targetId: positionId,
        result: 'success',
        details: {
          eventId: found.p.eventId,
          code: found.p.code,
          from: found.p.hired,
          to: hired,
          reason: reason ?? null,
        },
      });
      return presentAdminPosition(row!, found.unitName);
    });
  }

  /** Reads 职位代码 / 录用人数 rows; writes them all, or none with every problem by row and column. */
  async function importHires(
    eventId: string,
    fileBase64: string,
    reason: string | undefined,
    ctx: ChangeContext,
  ): Promise<HireImportResult> {
    const sheet = await readFirstSheet(fileBase64);
    return db.transaction(async (tx) => {
      await loadEvent(tx, eventId, ctx);
      const { columns, missing } = headerColumns(sheet, [HIRE_CODE, HIRE_COUNT]);
      if (missing.length)
        throw rowsInvalid(
          missing.map((label) => ({ row: 1, field: label, message: `缺少必填列「${label}」` })),
        );
      const rows = await tx
        .select()
        .from(position)
        .where(eq(position.eventId, eventId))
        // Every position of the event is locked: the checks and the writes see the same counts.
        .for('update');
      const byCode = new Map(rows.map((p) => [p.code, p]));
      const problems: ImportProblem[] = [];
      const seen = new Map<string, number>();
      const changes: Array<{ id: string; code: string; from: number; to: number }> = [];
      let count = 0;
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const code = cellText(row.getCell(columns.get(HIRE_CODE)!));
        const text = cellText(row.getCell(columns.get(HIRE_COUNT)!));
        // Blank rows below the data are skipped, not reported.
        if (!code && !text) return;
        count++;
        const report = (field: string, message: string) =>
          problems.push({ row: n, field, message });
        if (!code) return report(HIRE_CODE, '职位代码为必填项');
        if (seen.has(code))
          return report(HIRE_CODE, `职位代码「${code}」与第${seen.get(code)}行重复`);
        seen.set(code, n);
        const p = byCode.get(code);
        if (!p) return report(HIRE_CODE, `本事项中没有职位代码「${code}」`);
        if (!/^\d+$/.test(text))
          return report(
            HIRE_COUNT,
            text ? `应为不小于0的整数，实际为「${text}」` : '录用人数为必填项',
          );
        const hired = Number(text);
        const problem = hireProblem(p, hired);
        if (problem) return report(HIRE_COUNT, problem);
        // Unchanged rows are not written, so the audit entry lists only real changes.
        if (hired !== p.hired) changes.push({ id: p.id, code, from: p.hired, to: hired });
      });
      // An empty file is reported as a mistake, not taken as a successful import of nothing.
      if (count === 0) problems.push({ row: 2, field: HIRE_CODE, message: '文件中没有数据行' });
      if (problems.length) throw rowsInvalid(problems);
      for (const c of changes)
        await tx
          .update(position)
          .set({ hired: c.to, updatedAt: now() })
          .where(eq(position.id, c.id));
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'position_hires.imported',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: {
          rows: count,
          changed: changes.length,
          changes: changes.map(({ code, from, to }) => ({ code, from, to })),
          reason: reason ?? null,
        },
      });
      return { rows: count, changed: changes.length };
    });
  }

  /** The event's positions with headcount, hires and vacancies; the sheet re-imports as it is. */
  async function exportHires(
    eventId: string,
    scope: SQL | undefined,
  ): Promise<{ code: string; file: Buffer }> {
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    const { items } = await findAdminPositions(db, and(eq(position.eventId, eventId), scope), {
      page: 1,
      // Every position of the event in one sheet: even the largest brochure (20 000) fits.
      pageSize: 100_000,
    });
    const file = await writeSheet(
      '录用人数',
      ['单位名称', HIRE_CODE, '职位名称', '招录人数', HIRE_COUNT, '空缺人数'],
      // 空缺人数 is derived here so the sheet shows what a second round would open.
      items.map((p) => [p.unitName, p.code, p.title, p.headcount, p.hired, p.headcount - p.hired]),
    );
    return { code: event.code, file };
  }

  return { setHired, importHires, exportHires };
}

export type HiresService = ReturnType<typeof createHiresService>;
