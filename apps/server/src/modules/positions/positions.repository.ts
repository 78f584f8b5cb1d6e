import type { PositionCategory, PublicPosition, PublicPositionQuery } from '@kaolu/contracts';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { unit } from '../units/unit.table';
import { position } from './position.table';

/** Escapes LIKE wildcards so a keyword such as "100%" matches literally. */
function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Published positions matching the candidate's filters, ordered by code, one page at a time. */
export async function findPublicPositions(db: DbOrTx, query: PublicPositionQuery): Promise<{ items: PublicPosition[]; total: number }> {
  const filters: SQL[] = [eq(position.status, 'published')];
  if (query.eventId) filters.push(eq(position.eventId, query.eventId));
  if (query.category) filters.push(eq(position.category, query.category));
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    filters.push(or(ilike(position.title, pattern), ilike(unit.name, pattern), ilike(position.code, pattern))!);
  }
  const where = and(...filters);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: position.id,
        eventId: position.eventId,
        code: position.code,
        title: position.title,
        unitName: unit.name,
        category: position.category,
        headcount: position.headcount,
      })
      .from(position)
      .innerJoin(unit, eq(unit.id, position.unitId))
      .where(where)
      .orderBy(asc(position.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(position).innerJoin(unit, eq(unit.id, position.unitId)).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, category: r.category as PositionCategory })), total: totals?.total ?? 0 };
}
