import type { Centi } from '@kaolu/domain';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findPassLines, findRelease } from './scores.repository';
import { writtenScore } from './scores.table';
import type { PassLineRow } from './written-result';

/** One candidate's written result as later stages read it (INT-02, §7 lists and adjustment). */
export type WrittenResultRow = {
  candidateId: string;
  examCategory: string;
  majorType: string | null;
  /** Null when absent from a subject: such a candidate never reaches a list. */
  totalCenti: Centi | null;
};

/**
 * Every written result of an event, in one query (lists and adjustment read the whole event at
 * once, NFR-PERF-1): the columns later stages need, nothing of the subject breakdown.
 */
export async function writtenResultsOf(db: DbOrTx, eventId: string): Promise<WrittenResultRow[]> {
  return db
    .select({
      candidateId: writtenScore.candidateId,
      examCategory: writtenScore.examCategory,
      majorType: writtenScore.majorType,
      totalCenti: writtenScore.totalCenti,
    })
    .from(writtenScore)
    .where(eq(writtenScore.eventId, eventId));
}

/** The event's pass lines; `passLineFor` picks the one that applies to a candidate. */
export async function passLinesOf(db: DbOrTx, eventId: string): Promise<PassLineRow[]> {
  const rows = await findPassLines(db, eventId);
  return rows.map((r) => ({
    examCategory: r.examCategory,
    majorType: r.majorType,
    lineCenti: r.lineCenti,
  }));
}

/** When the event's written scores were published, or null: lists come after publication (§7). */
export async function scoresPublishedAt(db: DbOrTx, eventId: string): Promise<Date | null> {
  return (await findRelease(db, eventId))?.publishedAt ?? null;
}
