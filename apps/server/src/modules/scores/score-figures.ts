import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { passLine, writtenScore } from './scores.table';

/** How many of an event's candidates reached the pass line, per exam category. */
export type PassFigures = { examCategory: string; scored: number; passed: number };

/**
 * Candidates at or above the line that applies to them (the major type's own line for 司法医护,
 * else the category's; see passLineFor), per exam category; absent candidates and categories
 * without a line pass nobody. Read for comparison (NFR-HIS-1), published or not.
 */
export async function countPassFigures(db: DbOrTx, eventId: string): Promise<PassFigures[]> {
  // The pass-line table joined twice, as the major type's own line and as the category's line,
  // mirrors passLineFor in SQL so the whole count is one query.
  const own = alias(passLine, 'own_line');
  const category = alias(passLine, 'category_line');
  const line = sql`coalesce(${own.lineCenti}, ${category.lineCenti})`;
  const rows = await db
    .select({
      examCategory: writtenScore.examCategory,
      scored: sql<number>`count(*)::int`,
      passed: sql<number>`count(*) filter (where ${isNotNull(writtenScore.totalCenti)} and ${writtenScore.totalCenti} >= ${line})::int`,
    })
    .from(writtenScore)
    .leftJoin(
      own,
      and(
        eq(own.eventId, writtenScore.eventId),
        eq(own.examCategory, writtenScore.examCategory),
        eq(own.majorType, writtenScore.majorType),
      ),
    )
    .leftJoin(
      category,
      and(
        eq(category.eventId, writtenScore.eventId),
        eq(category.examCategory, writtenScore.examCategory),
        eq(category.majorType, ''),
      ),
    )
    .where(eq(writtenScore.eventId, eventId))
    .groupBy(writtenScore.examCategory);
  return rows.map((r) => ({
    examCategory: r.examCategory,
    scored: Number(r.scored),
    passed: Number(r.passed),
  }));
}
