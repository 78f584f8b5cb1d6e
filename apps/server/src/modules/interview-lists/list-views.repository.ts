import type { ListFiguresQuery } from '@kaolu/contracts';
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeCondition, scopeOf } from '../../platform/auth/permission-scope';
import {
  interviewListEntry,
  interviewListPosition,
  interviewListVersion,
} from './interview-list.table';

// Drizzle reads behind the staff, candidate and public views of the lists (INT-02, §7, NFR-HIS-1).

/**
 * The caller's reach over list rows, as in review: a unit user sees his unit's positions and a
 * department's staff its units' (the parent copied onto the row); org_admin sees everything.
 */
export function listScopeCondition(principal: Principal | undefined): SQL | undefined {
  const scope = scopeOf(principal, 'interview_list.read');
  const own = scopeCondition(scope, {
    unitId: interviewListPosition.unitId,
    eventId: interviewListPosition.eventId,
  });
  if (own === undefined) return undefined;
  return or(
    own,
    scopeCondition(scope, {
      unitId: interviewListPosition.unitParentId,
      eventId: interviewListPosition.eventId,
    }),
  );
}

// The keyword is matched literally: %, _ and \ typed by the user are escaped, not wildcards.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of an event's position figures in the scope, by position code, with status counts. */
export async function findFiguresPage(
  db: DbOrTx,
  eventId: string,
  scope: SQL | undefined,
  q: ListFiguresQuery,
) {
  // Event and scope: what every count and page shares; keyword and status narrow the page only.
  const base = and(eq(interviewListPosition.eventId, eventId), scope);
  const keyword = q.keyword
    ? or(
        ilike(interviewListPosition.positionCode, likePattern(q.keyword)),
        ilike(interviewListPosition.positionTitle, likePattern(q.keyword)),
        ilike(interviewListPosition.unitName, likePattern(q.keyword)),
      )
    : undefined;
  const where = and(
    base,
    keyword,
    q.status ? eq(interviewListPosition.status, q.status) : undefined,
  );
  const [rows, [total], counted] = await Promise.all([
    db
      .select()
      .from(interviewListPosition)
      .where(where)
      .orderBy(asc(interviewListPosition.positionCode), asc(interviewListPosition.positionId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(interviewListPosition).where(where),
    // Counts ignore the status filter: they tell what confirm / publish would act on.
    db
      .select({ status: interviewListPosition.status, n: count() })
      .from(interviewListPosition)
      .where(base)
      .groupBy(interviewListPosition.status),
  ]);
  // A status without rows is absent from the grouped counts: start every status at 0.
  const counts = { draft: 0, confirmed: 0, published: 0 };
  for (const c of counted) counts[c.status] = c.n;
  return { rows, total: total?.n ?? 0, counts };
}

/** One position's list row, if computed. */
export async function findPositionList(db: DbOrTx, positionId: string) {
  const [row] = await db
    .select()
    .from(interviewListPosition)
    .where(eq(interviewListPosition.positionId, positionId));
  return row;
}

/** A position's entries: the listed first, then by written total (highest first). */
export async function findPositionEntries(db: DbOrTx, positionId: string) {
  return db
    .select()
    .from(interviewListEntry)
    .where(eq(interviewListEntry.positionId, positionId))
    .orderBy(
      sql`case ${interviewListEntry.status} when 'listed' then 0 else 1 end`,
      sql`${interviewListEntry.writtenTotalCenti} desc nulls last`,
      asc(interviewListEntry.rank),
    );
}

/** Every entry of a set of positions with the given status (exports, publication snapshots). */
export async function findEntriesOfPositions(
  db: DbOrTx,
  positionIds: readonly string[],
  status?: 'listed',
) {
  if (positionIds.length === 0) return [];
  return db
    .select()
    .from(interviewListEntry)
    .where(
      and(
        inArray(interviewListEntry.positionId, [...positionIds]),
        status ? eq(interviewListEntry.status, status) : undefined,
      ),
    )
    .orderBy(
      asc(interviewListEntry.positionId),
      sql`${interviewListEntry.writtenTotalCenti} desc nulls last`,
    );
}

/** The event's kept versions, newest first, without their position lists. */
export async function findVersions(db: DbOrTx, eventId: string) {
  return db
    .select({
      id: interviewListVersion.id,
      action: interviewListVersion.action,
      createdBy: interviewListVersion.createdBy,
      createdAt: interviewListVersion.createdAt,
      positions: sql<number>`jsonb_array_length(${interviewListVersion.positions})`.mapWith(Number),
      listed: sql<number>`(select coalesce(sum((p ->> 'listed')::int), 0)
        from jsonb_array_elements(${interviewListVersion.positions}) p)`.mapWith(Number),
    })
    .from(interviewListVersion)
    .where(eq(interviewListVersion.eventId, eventId))
    .orderBy(desc(interviewListVersion.createdAt));
}

/** One kept version with its positions. */
export async function findVersion(db: DbOrTx, eventId: string, id: string) {
  const [row] = await db
    .select()
    .from(interviewListVersion)
    .where(and(eq(interviewListVersion.eventId, eventId), eq(interviewListVersion.id, id)));
  return row;
}

/** The candidate's entries on positions whose list is published, with the position's figures. */
export async function findPublishedEntriesOf(db: DbOrTx, candidateId: string) {
  return db
    .select({ e: interviewListEntry, p: interviewListPosition })
    .from(interviewListEntry)
    .innerJoin(
      interviewListPosition,
      eq(interviewListPosition.positionId, interviewListEntry.positionId),
    )
    .where(
      and(
        eq(interviewListEntry.candidateId, candidateId),
        eq(interviewListPosition.status, 'published'),
      ),
    )
    .orderBy(desc(interviewListPosition.publishedAt));
}

/** Events with at least one published list: how many positions, when last published. */
export async function findPublishedEvents(db: DbOrTx) {
  return db
    .select({
      eventId: interviewListPosition.eventId,
      positions: count(),
      publishedAt: sql<Date>`max(${interviewListPosition.publishedAt})`.mapWith(
        (v: string | Date) => new Date(v),
      ),
    })
    .from(interviewListPosition)
    .where(eq(interviewListPosition.status, 'published'))
    .groupBy(interviewListPosition.eventId);
}
