import type {
  AdminPosition,
  PositionCategory,
  PositionConditions,
  PositionStatus,
  PublicPosition,
  PositionSearchQuery,
} from '@kaolu/contracts';
import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findEventById } from '../events';
import { unitCodeOf, unitNameLike, unitsByIdOf } from '../units';
import { position } from './position.table';

// Must match the education_rank expression of position.table.ts, which the filter compares with.
const EDUCATION_RANK = {
  high_school: 1,
  junior_college: 2,
  bachelor: 3,
  master: 4,
  doctor: 5,
} as const;

/** Escapes LIKE wildcards so a keyword such as "100%" matches literally. */
export function likePattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Published positions matching the candidate's filters: event, unit, category, keyword,
 * education the candidate holds, major keyword, hukou requirement, headcount; sorted and paged.
 * `cachedTotal` lets the caller reuse a total across the pages of one filter (public-position-cache.ts).
 */
export async function findPublicPositions(
  db: DbOrTx,
  query: PositionSearchQuery,
  cachedTotal: (filterKey: string, count: () => Promise<number>) => Promise<number> = (
    _key,
    count,
  ) => count(),
): Promise<{ items: PublicPosition[]; total: number }> {
  const filters: SQL[] = [eq(position.status, 'published')];
  if (query.eventId) filters.push(eq(position.eventId, query.eventId));
  if (query.unitId) filters.push(eq(position.unitId, query.unitId));
  if (query.category) filters.push(eq(position.category, query.category));
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    filters.push(
      or(
        ilike(position.title, pattern),
        unitNameLike(position.unitId, pattern),
        ilike(position.code, pattern),
      )!,
    );
  }
  // Positions the candidate's education satisfies: their minimum is at or below it.
  if (query.education) filters.push(lte(position.educationRank, EDUCATION_RANK[query.education]));
  // The major filter matches the keywords text; the hukou filter the requirement's exact value.
  if (query.major) filters.push(ilike(position.majorText, likePattern(query.major)));
  if (query.residence) filters.push(eq(position.residence, query.residence));
  if (query.minHeadcount) filters.push(gte(position.headcount, query.minHeadcount));
  const where = and(...filters);
  const direction = query.order === 'desc' ? desc : asc;
  // Ties are broken by position code, so the order of pages is stable.
  const sortColumn =
    query.sort === 'headcount'
      ? position.headcount
      : query.sort === 'unit'
        ? unitCodeOf(position.unitId)
        : position.code;
  // The total depends on the filters only: every page and sort of one search shares it.
  const { page: _page, pageSize: _size, sort: _sort, order: _order, ...filterValues } = query;
  const countRows = async () => {
    // A keyword reads unit names through a subquery of units, never a join of every row.
    const [row] = await db.select({ total: count() }).from(position).where(where);
    return row?.total ?? 0;
  };
  // Deferred look-up: page through position ids alone (index order), then read the 20 rows shown
  // and their units in one batch, so a deep page never touches the skipped rows' units.
  const pageIds = db
    .select({ id: position.id })
    .from(position)
    .where(where)
    .orderBy(direction(sortColumn), asc(position.code))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [rows, total] = await Promise.all([
    db
      .select({
        id: position.id,
        eventId: position.eventId,
        code: position.code,
        title: position.title,
        unitId: position.unitId,
        category: position.category,
        headcount: position.headcount,
      })
      .from(position)
      .where(inArray(position.id, pageIds))
      .orderBy(direction(sortColumn), asc(position.code)),
    cachedTotal(JSON.stringify(filterValues), countRows),
  ]);
  const units = await unitsByIdOf(
    db,
    rows.map((r) => r.unitId),
  );
  const items = rows.map(({ unitId, ...r }) => ({
    ...r,
    unitName: units.get(unitId)!.name,
    category: r.category as PositionCategory,
  }));
  return { items, total };
}

/** One published position with its unit and event names, for the public detail page. */
export async function findPublishedPosition(db: DbOrTx, id: string) {
  const [p] = await db
    .select()
    .from(position)
    .where(and(eq(position.id, id), eq(position.status, 'published')));
  if (!p) return undefined;
  // Two look-ups by key beside the position (the page is cached per search version).
  const [units, event] = await Promise.all([
    unitsByIdOf(db, [p.unitId]),
    findEventById(db, p.eventId),
  ]);
  // Only the policy's interview ratio is needed of the event's policy.
  const policyRatio: number | null = event?.policy.interview?.ratio ?? null;
  return { p, unitName: units.get(p.unitId)!.name, eventName: event!.name, policyRatio };
}

/** A position row as Drizzle reads it. */
export type PositionRow = typeof position.$inferSelect;

/**
 * Position row (+ unit name) → staff API shape. Staff see hires, status, details and every
 * condition; the public answer has far fewer fields.
 */
export function presentAdminPosition(p: PositionRow, unitName: string): AdminPosition {
  return {
    id: p.id,
    eventId: p.eventId,
    unitId: p.unitId,
    unitName,
    code: p.code,
    title: p.title,
    category: p.category as PositionCategory,
    examCategory: p.examCategory,
    examSubject: p.examSubject,
    headcount: p.headcount,
    hired: p.hired,
    conditions: p.conditions as PositionConditions,
    township: p.township,
    basicPolice: p.basicPolice,
    acceptsAdjustment: p.acceptsAdjustment,
    interviewRatio: p.interviewRatio,
    details: p.details as Record<string, unknown>,
    status: p.status as PositionStatus,
  };
}

/** Staff list of an event's positions within a WHERE scope, by code. */
export async function findAdminPositions(
  db: DbOrTx,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  // Rows and total are read at once; both use the same WHERE so they describe one result. The
  // page's units are then read in one batch.
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(position)
      .where(where)
      .orderBy(asc(position.code))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(position).where(where),
  ]);
  const units = await unitsByIdOf(
    db,
    rows.map((p) => p.unitId),
  );
  return {
    items: rows.map((p) => presentAdminPosition(p, units.get(p.unitId)!.name)),
    total: totals?.n ?? 0,
  };
}
