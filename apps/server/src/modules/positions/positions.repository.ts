import type {
  AdminPosition,
  PositionCategory,
  PositionConditions,
  PositionStatus,
  PublicPosition,
  PositionSearchQuery,
} from '@kaolu/contracts';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { recruitmentEvent } from '../events/event.table';
import { unit } from '../units/unit.table';
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
      or(ilike(position.title, pattern), ilike(unit.name, pattern), ilike(position.code, pattern))!,
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
        ? unit.code
        : position.code;
  // The total depends on the filters only: every page and sort of one search shares it.
  const { page: _page, pageSize: _size, sort: _sort, order: _order, ...filterValues } = query;
  const countRows = async () => {
    // Only a keyword reads the unit name; without one the count needs no join.
    const base = db.select({ total: count() }).from(position);
    const [row] = query.keyword
      ? await base.innerJoin(unit, eq(unit.id, position.unitId)).where(where)
      : await base.where(where);
    return row?.total ?? 0;
  };
  // Deferred join: page through position ids alone (index order), then join the 20 rows shown, so a
  // deep page does not join every skipped row with its unit.
  const needsUnit = Boolean(query.keyword) || query.sort === 'unit';
  const idQuery = db.select({ id: position.id }).from(position);
  const pageIds = (needsUnit ? idQuery.innerJoin(unit, eq(unit.id, position.unitId)) : idQuery)
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
        unitName: unit.name,
        category: position.category,
        headcount: position.headcount,
      })
      .from(position)
      .innerJoin(unit, eq(unit.id, position.unitId))
      .where(inArray(position.id, pageIds))
      .orderBy(direction(sortColumn), asc(position.code)),
    cachedTotal(JSON.stringify(filterValues), countRows),
  ]);
  return { items: rows.map((r) => ({ ...r, category: r.category as PositionCategory })), total };
}

/** One published position with its unit and event names, for the public detail page. */
export async function findPublishedPosition(db: DbOrTx, id: string) {
  const [row] = await db
    // Only the policy's interview ratio is needed, not the whole policy document.
    .select({
      p: position,
      unitName: unit.name,
      eventName: recruitmentEvent.name,
      policyRatio: sql<number | null>`(${recruitmentEvent.policy}->'interview'->>'ratio')::int`,
    })
    .from(position)
    .innerJoin(unit, eq(unit.id, position.unitId))
    .innerJoin(recruitmentEvent, eq(recruitmentEvent.id, position.eventId))
    .where(and(eq(position.id, id), eq(position.status, 'published')));
  return row;
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
  // Rows and total are read at once; both use the same WHERE so they describe one result.
  const [rows, [totals]] = await Promise.all([
    db
      .select({ p: position, unitName: unit.name })
      .from(position)
      .innerJoin(unit, eq(unit.id, position.unitId))
      .where(where)
      .orderBy(asc(position.code))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: count() })
      .from(position)
      .innerJoin(unit, eq(unit.id, position.unitId))
      .where(where),
  ]);
  return { items: rows.map((r) => presentAdminPosition(r.p, r.unitName)), total: totals?.n ?? 0 };
}
