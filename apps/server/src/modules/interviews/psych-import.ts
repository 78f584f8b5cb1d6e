import type { ImportProblem } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet, writeSheet } from '../../platform/excel/excel-cells';
import { duplicateChecker, readRows } from './import-sheets';
import { interviewCandidate } from './interview.table';
import { loadEvent } from './setup-events.service';
import { assertInterviewScope } from './setup-scope';

// Psych-test results 心理测评结果 (INT-09c): the institute's sheet of ticket numbers and named result
// fields, imported for one interview event all-or-nothing, replacing each listed candidate's
// `psych` document. Shown to examiners, in the browse list and in the exports; never scored.

/** The named fields the template offers; the institute may add further columns of its own. */
export const PSYCH_TEMPLATE_FIELDS = ['测评等级', '测评结论', '建议关注', '备注'] as const;
// A field longer than this is almost always a pasted report, not a result: refused by row.
const MAX_FIELD_CHARS = 500;

/** The template: 准考证号* and the named fields, with one example row. */
export function psychTemplate(): Promise<Buffer> {
  return writeSheet(
    '心理测评结果',
    ['准考证号*', ...PSYCH_TEMPLATE_FIELDS],
    [['2026010001', 'B', '情绪稳定，沟通良好', '无', '']],
  );
}

/**
 * Imports a psych-test results sheet for the event: every row checked (ticket of this event, no
 * duplicate, at least one result, no over-long value) before anything is written; one problem and
 * nothing changes, every problem listed by row and field. Audited once with the row count.
 */
export async function importPsychResults(
  deps: { db: Db; audit: AuditLog },
  eventId: string,
  fileBase64: string,
  ctx: ChangeContext,
): Promise<{ imported: number }> {
  const sheet = await readFirstSheet(fileBase64);
  return deps.db.transaction(async (tx) => {
    // The event row is locked: two imports of one event run one after the other.
    const { place } = await loadEvent(tx, eventId, true);
    assertInterviewScope(ctx.principal, 'interview.manage', place);
    const { rows, problems, extraHeaders } = readRows(sheet, 'psych');
    if (extraHeaders.length === 0)
      problems.push({ row: 1, field: '', message: '除准考证号外至少需要一列测评结果' });
    const known = new Map(
      (
        await tx
          .select({ id: interviewCandidate.id, ticket: interviewCandidate.ticketNumber })
          .from(interviewCandidate)
          .where(eq(interviewCandidate.interviewEventId, eventId))
      ).map((c) => [c.ticket, c.id]),
    );
    const same = duplicateChecker('准考证号');
    const updates: Array<{ id: string; psych: Record<string, string> }> = [];
    for (const { row, cells } of rows) {
      const ticket = cells.get('准考证号') ?? '';
      same(problems, row, ticket);
      const id = known.get(ticket);
      if (ticket && !id)
        problems.push({
          row,
          field: '准考证号',
          message: `准考证号 ${ticket} 不是本面试事项的考生`,
        });
      // Empty fields are left out: the examiner sees only what the institute reported.
      const fields = extraHeaders
        .map((f) => [f, cells.get(f) ?? ''] as const)
        .filter(([, v]) => v !== '');
      if (extraHeaders.length && fields.length === 0)
        problems.push({ row, field: '', message: '该行没有任何测评结果' });
      for (const [f, v] of fields)
        if (v.length > MAX_FIELD_CHARS)
          problems.push({ row, field: f, message: `「${f}」超过 ${MAX_FIELD_CHARS} 字` });
      if (id) updates.push({ id, psych: Object.fromEntries(fields) });
    }
    if (problems.length) throw rowsInvalid(problems);
    for (const u of updates)
      await tx
        .update(interviewCandidate)
        .set({ psych: u.psych })
        .where(eq(interviewCandidate.id, u.id));
    // One entry per import; results are personal data and never enter the log.
    await deps.audit.record(tx, {
      ...auditBase(ctx),
      action: 'interview_psych.imported',
      targetType: 'interview_event',
      targetId: eventId,
      result: 'success',
      details: { rows: updates.length, fields: extraHeaders },
    });
    return { imported: updates.length };
  });
}

/** Every problem by row, nothing written (the same answer as the other interview imports). */
function rowsInvalid(problems: ImportProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return new AppError('IMPORT.ROWS_INVALID', {
    message: `导入文件有 ${sorted.length} 处错误，未导入任何数据，请按报告逐行修改`,
    details: { problems: sorted },
  });
}
