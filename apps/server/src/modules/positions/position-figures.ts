import { countDistinct, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { position } from './position.table';

/** An event's brochure in figures: units, positions, headcount and hires, also per exam category. */
export type PositionFigures = {
  units: number;
  positions: number;
  headcount: number;
  hired: number;
  byCategory: Array<{ examCategory: string; positions: number; headcount: number }>;
};

/** Position figures of one event, every position of its brochure whatever its state (NFR-HIS-1). */
export async function countPositionFigures(db: DbOrTx, eventId: string): Promise<PositionFigures> {
  const where = eq(position.eventId, eventId);
  const [totals] = await db
    .select({
      units: countDistinct(position.unitId),
      positions: sql<number>`count(*)::int`,
      headcount: sql<number>`coalesce(sum(${position.headcount}), 0)::int`,
      hired: sql<number>`coalesce(sum(${position.hired}), 0)::int`,
    })
    .from(position)
    .where(where);
  // Positions without an exam category (e.g. 聘任制) are grouped under ''.
  const byCategory = await db
    .select({
      examCategory: sql<string>`coalesce(${position.examCategory}, '')`,
      positions: sql<number>`count(*)::int`,
      headcount: sql<number>`coalesce(sum(${position.headcount}), 0)::int`,
    })
    .from(position)
    .where(where)
    .groupBy(sql`coalesce(${position.examCategory}, '')`);
  // Number() keeps the figures numeric whatever the driver returns for an aggregate.
  return {
    units: Number(totals?.units ?? 0),
    positions: Number(totals?.positions ?? 0),
    headcount: Number(totals?.headcount ?? 0),
    hired: Number(totals?.hired ?? 0),
    byCategory: byCategory.map((r) => ({
      examCategory: r.examCategory,
      positions: Number(r.positions),
      headcount: Number(r.headcount),
    })),
  };
}
