import { sql } from 'drizzle-orm';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet } from '../../platform/excel/excel-cells';
import { loadScoresEvent, type ScoresContext } from './scores-context';
import { readScoreSheet } from './score-sheet';
import { findRelease, loadScoreLookup } from './scores.repository';
import { writtenScore } from './scores.table';
import { writtenTotalOf } from './written-result';

/** The exam institute's score import 成绩导入 (ONL-02), inline or as a job with progress. */
export function createScoreImport(deps: ScoresContext) {
  const { db, crypto, audit, now } = deps;
  const loadEvent = (eventId: string) => loadScoresEvent(db, eventId);

  /**
   * Imports the exam institute's sheet all-or-nothing: any bad row or field → IMPORT.ROWS_INVALID
   * with every problem; otherwise every row is written (replacing earlier imports) in one transaction.
   */
  async function importScores(
    eventId: string,
    fileBase64: string,
    ctx: ChangeContext,
    progress?: (percent: number, message: string) => Promise<void>,
  ): Promise<{ imported: number }> {
    const event = await loadEvent(eventId);
    // Published scores are frozen: a correction after publication would change verdicts that
    // candidates have already applied for positions with.
    if (await findRelease(db, eventId)) throw new AppError('SCORE.ALREADY_PUBLISHED');
    const sheet = await readFirstSheet(fileBase64);
    // The sheet may name candidates by ID number; they are found by blind index (NFR-SEC-2), since
    // the stored ID numbers are encrypted and cannot be compared in SQL.
    const lookup = await loadScoreLookup(db, eventId, event.policy, (id) =>
      crypto.blindIndex('id_number', id),
    );
    const { rows, problems } = readScoreSheet(sheet, lookup, {
      judicialMedical: event.policy.majorCatalogue === 'judicial_medical',
    });
    // All or nothing: a half-imported sheet would leave the institute unsure which rows count.
    if (problems.length) throw new AppError('IMPORT.ROWS_INVALID', { details: { problems } });
    await progress?.(50, `校验通过，正在写入 ${rows.length} 条成绩`);
    await db.transaction(async (tx) => {
      // Checked again in the transaction: a publication may have landed while the file was read.
      if (await findRelease(tx, eventId)) throw new AppError('SCORE.ALREADY_PUBLISHED');
      // Batches of 500 keep each statement under the driver's parameter limit on large events; the
      // upsert on the registration lets a corrected sheet replace the earlier import.
      for (let i = 0; i < rows.length; i += 500) {
        const values = rows.slice(i, i + 500).map((r) => ({
          eventId,
          registrationId: r.registrationId,
          candidateId: r.candidateId,
          examCategory: r.examCategory,
          majorType: r.majorType,
          xingceCenti: r.xingce,
          shenlunCenti: r.shenlun,
          professionalCenti: r.professional,
          absent: r.absent,
          totalCenti: writtenTotalOf(r, r.hasProfessional, r.absent),
          importedAt: now(),
        }));
        await tx
          .insert(writtenScore)
          .values(values)
          .onConflictDoUpdate({
            target: writtenScore.registrationId,
            set: {
              majorType: sql`excluded.major_type`,
              xingceCenti: sql`excluded.xingce_centi`,
              shenlunCenti: sql`excluded.shenlun_centi`,
              professionalCenti: sql`excluded.professional_centi`,
              absent: sql`excluded.absent`,
              totalCenti: sql`excluded.total_centi`,
              importedAt: sql`excluded.imported_at`,
            },
          });
      }
      await audit.record(tx, {
        action: 'score.imported',
        ...auditBase(ctx),
        targetType: 'event',
        targetId: eventId,
        result: 'success',
        details: { rows: rows.length },
      });
    });
    return { imported: rows.length };
  }

  return { importScores };
}
