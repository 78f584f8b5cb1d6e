import { randomUUID } from 'node:crypto';
import type { ImportProblem, InterviewImportKind } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { shanghaiDay } from '../../platform/time';
import { findCandidatesByIds } from '../candidates';
import { listEntriesOf } from '../interview-lists';
import { selectionPositionsOf } from '../positions';
import { ticketNumbersOf } from '../tickets';
import { unitsByIdOf } from '../units';
import { interviewCandidate, interviewPosition } from './interview.table';
import { planCandidates, planPsych, sealCandidate, type ImportPlan } from './import-candidates';
import { readRows } from './import-sheets';
import { planExaminers, planPositions } from './import-staffing';
import { loadEvent } from './setup-events.service';
import { assertInterviewScope } from './setup-scope';

/** The import failed: every problem by row, nothing written (IVW-02 all-or-nothing). */
function rowsInvalid(problems: ImportProblem[]): AppError {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  return new AppError('IMPORT.ROWS_INVALID', {
    message: `导入文件有 ${sorted.length} 处错误，未导入任何数据，请按报告逐行修改`,
    details: { problems: sorted },
  });
}

/**
 * The interview imports (IVW-02): an Excel sheet of candidates, positions, examiners or psych
 * information, or the candidates of the linked recruitment event's published interview lists.
 * Every row is checked first; one problem anywhere and nothing is written.
 */
export function createInterviewImports(deps: {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  now: () => Date;
}) {
  const { db, audit, crypto, now } = deps;

  return {
    async importSheet(
      eventId: string,
      kind: InterviewImportKind,
      fileBase64: string,
      ctx: ChangeContext,
    ) {
      // The file is read before the transaction: a broken file never holds a lock.
      const sheet = await readFirstSheet(fileBase64);
      return db.transaction(async (tx) => {
        // The event row is locked, so two imports of one event run one after the other.
        const { place } = await loadEvent(tx, eventId, true);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        const { rows, problems, extraHeaders } = readRows(sheet, kind);
        let plan: ImportPlan;
        if (kind === 'candidates')
          plan = await planCandidates(
            tx,
            { crypto, today: shanghaiDay(now()) },
            eventId,
            rows,
            problems,
          );
        else if (kind === 'psych')
          plan = await planPsych(tx, eventId, rows, extraHeaders, problems);
        else if (kind === 'positions') plan = await planPositions(tx, eventId, rows, problems);
        else plan = await planExaminers(tx, { crypto }, eventId, rows, problems);
        // All or nothing: the transaction has written nothing yet, and never will on a problem.
        if (problems.length) throw rowsInvalid(problems);
        const imported = await plan.write(tx);
        // One entry per import with its count; names and ID numbers never enter the log.
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview_import.completed',
          targetType: 'interview_event',
          targetId: eventId,
          result: 'success',
          details: { kind, rows: imported },
        });
        return { imported };
      });
    },

    /**
     * Imports the candidates listed ('listed') in the linked recruitment event's interview lists,
     * with their positions, names, ID numbers and ticket numbers; re-running updates in place.
     */
    async importFromLists(eventId: string, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const { row: event, place } = await loadEvent(tx, eventId, true);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        const recruitmentEventId = event.recruitmentEventId;
        if (!recruitmentEventId)
          throw new AppError('INTERVIEW.SETUP_INVALID', { message: '本面试事项未关联招录事项' });
        // Only candidates the list admits ('listed'); those outside the quota are not interviewed.
        const entries = await listEntriesOf(tx, recruitmentEventId, { status: 'listed' });
        if (entries.length === 0)
          throw new AppError('INTERVIEW.SETUP_INVALID', {
            message: '关联招录事项还没有入围面试的考生',
          });
        const positions = new Map(
          (await selectionPositionsOf(tx, recruitmentEventId)).map((p) => [p.id, p]),
        );
        const units = await unitsByIdOf(
          tx,
          [...positions.values()].map((p) => p.unitId),
        );
        const tickets = await ticketNumbersOf(tx, recruitmentEventId);
        const people = new Map(
          (
            await findCandidatesByIds(
              tx,
              entries.map((e) => e.candidateId),
            )
          ).map((c) => [c.id, c]),
        );
        // Every listed candidate sat the written exam, so each holds a ticket; one without is a
        // data problem to fix in the recruitment event, not something to invent a number for.
        const withoutTicket = entries.filter((e) => !tickets.has(e.candidateId)).length;
        if (withoutTicket > 0)
          throw new AppError('INTERVIEW.SETUP_INVALID', {
            message: `有 ${withoutTicket} 名入围考生没有准考证号，未导入任何数据`,
          });
        const positionIds = await upsertListPositions(tx, eventId, entries, positions, units);
        const existing = new Map(
          (
            await tx
              .select({ id: interviewCandidate.id, candidateId: interviewCandidate.candidateId })
              .from(interviewCandidate)
              .where(eq(interviewCandidate.interviewEventId, eventId))
          ).map((c) => [c.candidateId, c.id]),
        );
        let imported = 0;
        for (const entry of entries) {
          const person = people.get(entry.candidateId);
          const positionId = positionIds.get(entry.positionId);
          if (!person || !positionId) continue;
          // The ID number is opened only to seal it again for this table and row (NFR-SEC-2).
          const idNumber = crypto.decryptField(person.idNumberEnc, {
            table: 'candidate',
            column: 'id_number',
            rowId: person.id,
          });
          const rowId = existing.get(person.id) ?? randomUUID();
          const values = {
            positionId,
            ticketNumber: tickets.get(person.id)!,
            gender: person.gender,
            ...sealCandidate(crypto, rowId, { name: person.name, idNumber }),
          };
          if (existing.has(person.id))
            await tx.update(interviewCandidate).set(values).where(eq(interviewCandidate.id, rowId));
          else
            await tx
              .insert(interviewCandidate)
              .values({ id: rowId, interviewEventId: eventId, candidateId: person.id, ...values });
          imported++;
        }
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview_import.completed',
          targetType: 'interview_event',
          targetId: eventId,
          result: 'success',
          details: { kind: 'interview_lists', recruitmentEventId, rows: imported },
        });
        return { imported };
      });
    },
  };
}

/** The interview positions of the listed entries (by recruitment position id), created if new. */
async function upsertListPositions(
  tx: DbOrTx,
  eventId: string,
  entries: Array<{ positionId: string }>,
  positions: Map<string, { id: string; unitId: string; code: string; title: string }>,
  units: Map<string, { name: string }>,
) {
  const existing = await tx
    .select({ id: interviewPosition.id, code: interviewPosition.code })
    .from(interviewPosition)
    .where(eq(interviewPosition.interviewEventId, eventId));
  const idByCode = new Map(existing.map((p) => [p.code, p.id]));
  const result = new Map<string, string>();
  for (const recruitmentPositionId of new Set(entries.map((e) => e.positionId))) {
    const p = positions.get(recruitmentPositionId);
    if (!p) continue;
    let id = idByCode.get(p.code);
    if (!id) {
      const [row] = await tx
        .insert(interviewPosition)
        .values({
          interviewEventId: eventId,
          code: p.code,
          title: p.title,
          unitId: p.unitId,
          unitName: units.get(p.unitId)?.name ?? '',
        })
        .returning({ id: interviewPosition.id });
      id = row!.id;
    }
    result.set(recruitmentPositionId, id);
  }
  return result;
}
