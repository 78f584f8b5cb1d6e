import type { ImportProblem } from '@kaolu/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { approvedApplicationsOf } from '../applications';
import { candidateIdsByIdNumberBidx } from '../candidates';
import { findEventById } from '../events';
import { physicalTestPositionIdsOf } from '../positions';
import { ticketHoldersOf } from '../tickets';
import {
  interviewListEntry,
  interviewListPosition,
  physicalTestResult,
} from './interview-list.table';
import { listEntriesOf } from './interview-lists.queries';
import { recordVersion } from './list-publication';
import { readPhysicalTestSheet, type PhysicalTestRow } from './physical-test-sheet';

export type PhysicalTestImportResult = { imported: number; failed: number; dropped: number };
// A row whose candidate was found and may take the test in this event.
type Resolved = PhysicalTestRow & { candidateId: string };

/**
 * 体测 results (INT-02): all or nothing with every bad row reported; a failed candidate's listed
 * entry becomes physical_test_failed with the reason, and his position's figures move so that
 * adjustment can fill the place. Results imported before computation are read by computeLists.
 */
export function createPhysicalTestImport(deps: {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  now: () => Date;
}) {
  const { db, audit, crypto, now } = deps;

  /** Who each row names, checked against the event; every problem is reported with its row. */
  async function resolve(eventId: string, rows: PhysicalTestRow[], problems: ImportProblem[]) {
    const report = (row: number, field: string, message: string) =>
      void problems.push({ row, field, message });
    // ID numbers are matched by blind index (NFR-SEC-2): stored ones are encrypted.
    const bidx = (id: string) => crypto.blindIndex('id_number', id);
    const [tickets, byBidx, applications, marked, failedBefore] = await Promise.all([
      ticketHoldersOf(
        db,
        eventId,
        rows.flatMap((r) => (r.ticket ? [r.ticket] : [])),
      ),
      candidateIdsByIdNumberBidx(
        db,
        rows.flatMap((r) => (r.idNumber ? [bidx(r.idNumber)] : [])),
      ),
      approvedApplicationsOf(db, eventId),
      physicalTestPositionIdsOf(db, eventId),
      listEntriesOf(db, eventId, { status: 'physical_test_failed' }),
    ]);
    // Who may take the test: an approved applicant of the event, on the position he applied to.
    const positionOf = new Map(applications.map((a) => [a.candidateId, a.positionId]));
    const dropped = new Set(failedBefore.map((e) => e.candidateId));
    // First row of each candidate, to name it when he appears again.
    const seen = new Map<string, number>();
    const resolved: Resolved[] = [];
    for (const r of rows) {
      const field = r.ticket ? '准考证号' : '身份证号';
      const candidateId = r.ticket ? tickets.get(r.ticket) : byBidx.get(bidx(r.idNumber!));
      if (!candidateId) {
        report(
          r.row,
          field,
          r.ticket ? `准考证号“${r.ticket}”不是本事项考生的准考证` : '该身份证号不是本事项的考生',
        );
        continue;
      }
      const positionId = positionOf.get(candidateId);
      const before = problems.length;
      if (!positionId) report(r.row, field, '该考生在本事项中没有审核通过的职位报名');
      // When the brochure marks 体测 positions, only their candidates take the test (INT-02).
      else if (marked.size > 0 && !marked.has(positionId))
        report(r.row, field, '该考生报考的职位未设体能测评要求');
      if (seen.has(candidateId)) report(r.row, field, `与第${seen.get(candidateId)}行是同一考生`);
      else seen.set(candidateId, r.row);
      // A place given up for a failed test may already be filled by adjustment: no silent undo.
      if (r.passed && dropped.has(candidateId))
        report(r.row, '结果', '该考生已按体测不合格退出面试名单，不能改为合格');
      if (problems.length === before) resolved.push({ ...r, candidateId });
    }
    return resolved;
  }

  async function importResults(
    eventId: string,
    fileBase64: string,
    ctx: ChangeContext,
    progress?: (percent: number, message: string) => Promise<void>,
  ): Promise<PhysicalTestImportResult> {
    // Read outside the transaction: the checks need no lock, and a bad file must change nothing.
    if (!(await findEventById(db, eventId))) throw new AppError('EVENT.NOT_FOUND');
    const { rows, problems } = readPhysicalTestSheet(await readFirstSheet(fileBase64));
    const resolved = await resolve(eventId, rows, problems);
    // All or nothing: half a sheet would leave the lists neither before nor after the test.
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      throw new AppError('IMPORT.ROWS_INVALID', { details: { problems } });
    }
    await progress?.(50, `校验通过，正在写入 ${resolved.length} 条体测结果`);
    const by = ctx.actor.kind === 'staff' ? ctx.actor.username : ctx.actor.kind;
    return db.transaction(async (tx) => {
      const at = now();
      // Upserted: a corrected sheet replaces the earlier result of the same candidate.
      for (let i = 0; i < resolved.length; i += 1000) {
        await tx
          .insert(physicalTestResult)
          .values(
            resolved.slice(i, i + 1000).map((r) => ({
              eventId,
              candidateId: r.candidateId,
              passed: r.passed,
              detail: r.detail,
              importedAt: at,
              importedBy: by,
            })),
          )
          .onConflictDoUpdate({
            target: [physicalTestResult.eventId, physicalTestResult.candidateId],
            set: {
              passed: sql`excluded.passed`,
              detail: sql`excluded.detail`,
              importedAt: sql`excluded.imported_at`,
              importedBy: sql`excluded.imported_by`,
            },
          });
      }
      const failed = resolved.filter((r) => !r.passed);
      let dropped = 0;
      let publishedMoved = false;
      for (const r of failed) {
        // The candidate reads this reason on his 面试资格 page, with the staff's 说明 if given.
        const reason = `体测不合格${r.detail ? `（${r.detail}）` : ''}，不进入面试`;
        // Any round: a candidate placed by adjustment leaves the list the same way.
        const left = await tx
          .update(interviewListEntry)
          .set({ status: 'physical_test_failed', reason, updatedAt: at })
          .where(
            and(
              eq(interviewListEntry.eventId, eventId),
              eq(interviewListEntry.candidateId, r.candidateId),
              eq(interviewListEntry.status, 'listed'),
            ),
          )
          .returning({ positionId: interviewListEntry.positionId });
        for (const { positionId } of left) {
          dropped++;
          // The shortfall follows the quota, so a drop within ties beyond it leaves no gap.
          const [moved] = await tx
            .update(interviewListPosition)
            .set({
              listed: sql`${interviewListPosition.listed} - 1`,
              shortfall: sql`greatest(0, ${interviewListPosition.quota} - (${interviewListPosition.listed} - 1))`,
              version: sql`${interviewListPosition.version} + 1`,
            })
            .where(inArray(interviewListPosition.positionId, [positionId]))
            .returning({ status: interviewListPosition.status });
          if (moved?.status === 'published') publishedMoved = true;
        }
      }
      // A published list that changed is kept again, so history shows both states (NFR-HIS-1).
      if (publishedMoved) await recordVersion(tx, eventId, 'physical_test', by);
      const result = { imported: resolved.length, failed: failed.length, dropped };
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'physical_test.imported',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: result,
      });
      return result;
    });
  }

  /** Whether the brochure marks 体测 positions, and what has been imported (the page says both). */
  async function summary(eventId: string) {
    const [marked, [counts]] = await Promise.all([
      physicalTestPositionIdsOf(db, eventId),
      db
        .select({
          results: sql<number>`count(*)`.mapWith(Number),
          failed: sql<number>`count(*) filter (where not ${physicalTestResult.passed})`.mapWith(
            Number,
          ),
        })
        .from(physicalTestResult)
        .where(eq(physicalTestResult.eventId, eventId)),
    ]);
    return {
      markedPositions: marked.size,
      results: counts?.results ?? 0,
      failed: counts?.failed ?? 0,
    };
  }

  return { importResults, summary };
}
