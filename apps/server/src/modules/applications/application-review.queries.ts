import {
  DEFAULT_REVIEW_SLA,
  type ApplicationStatus,
  type EventPolicy,
  type ReviewQueueQuery,
} from '@kaolu/contracts';
import { and, asc, count, eq, inArray, not, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { PermissionScope } from '../../platform/auth/permission-scope';
import { candidateNameLike } from '../candidates';
import { eventPolicyIntOf } from '../events';
import { positionCodeLike } from '../positions';
import { unitScopeCondition } from '../units';
import { applicationTimeline, positionApplication } from './application.table';

// Read-only queries the unit review (a later module) runs over applications (§7, INT-05): the
// review module never reads the application table. Candidate, position, unit and event data come
// from their owners, as conditions inside this SQL or as batched look-ups of the page afterwards.

/** An application row as stored (frozen profile snapshot included). */
export type ApplicationRow = typeof positionApplication.$inferSelect;

/**
 * The reach of a scope over applications: its units (or the units under its department) within
 * its events. A unit reviewer's query can never return another unit's applications.
 */
function inScope(scope: PermissionScope): SQL | undefined {
  return unitScopeCondition(scope, {
    unitId: positionApplication.unitId,
    eventId: positionApplication.eventId,
  });
}

// The keyword is matched literally: %, _ and \ typed by the user are escaped, not wildcards.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Each application's SLA threshold from its own event's policy; policies saved before the SLA was
// policy data have none and read as the defaults, exactly as the schema's default does.
type SlaKey = keyof EventPolicy['reviewSla'];
const hoursOf = (key: SlaKey) =>
  eventPolicyIntOf(positionApplication.eventId, ['reviewSla', key], DEFAULT_REVIEW_SLA[key]);

/** submittedAt lies at least `hours` before now. */
// now is passed in, not SQL now(), so the filter and the marks computed in code use one instant.
const waitedAtLeast = (hours: SQL, now: Date) =>
  sql`${positionApplication.submittedAt} <= ${now.toISOString()}::timestamptz - ${hours} * interval '1 hour'`;

/**
 * The filter for an SLA mark, each application judged by its own event's policy: due = waiting in
 * [warn, overdue), overdue = waiting ≥ overdue, both only while 待审核 (the unit's delay).
 */
function slaCondition(mark: 'due' | 'overdue', now: Date): SQL {
  const pending = eq(positionApplication.status, 'submitted');
  const overdue = waitedAtLeast(hoursOf('overdueHours'), now);
  return mark === 'overdue'
    ? and(pending, overdue)!
    : and(pending, waitedAtLeast(hoursOf('warnHours'), now), not(overdue))!;
}

/** One page of the review queue, oldest first, with the counts per status under the same filters. */
export async function findReviewQueue(
  db: DbOrTx,
  scope: PermissionScope,
  q: ReviewQueueQuery,
  now: Date,
): Promise<{ rows: ApplicationRow[]; total: number; counts: Record<ApplicationStatus, number> }> {
  const filters: Array<SQL | undefined> = [inScope(scope)];
  if (q.eventId) filters.push(eq(positionApplication.eventId, q.eventId));
  if (q.positionId) filters.push(eq(positionApplication.positionId, q.positionId));
  if (q.keyword)
    filters.push(
      or(
        candidateNameLike(positionApplication.candidateId, likePattern(q.keyword)),
        positionCodeLike(positionApplication.positionId, likePattern(q.keyword)),
      ),
    );
  // Each application is marked by its own event's SLA, so one queue may mix thresholds.
  if (q.sla) filters.push(slaCondition(q.sla, now));
  // Counts ignore the status filter, so the tabs show every status's number.
  const base = and(...filters);
  const where = and(base, q.status ? eq(positionApplication.status, q.status) : undefined);
  // Page, total and per-status counts share the filters so the numbers always agree with the rows;
  // id breaks ties of equal submission times.
  const [rows, [totals], byStatus] = await Promise.all([
    db
      .select()
      .from(positionApplication)
      .where(where)
      .orderBy(asc(positionApplication.submittedAt), asc(positionApplication.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(positionApplication).where(where),
    db
      .select({ status: positionApplication.status, n: count() })
      .from(positionApplication)
      .where(base)
      .groupBy(positionApplication.status),
  ]);
  const counts: Record<ApplicationStatus, number> = {
    submitted: 0,
    returned: 0,
    approved: 0,
    rejected: 0,
    withdrawn: 0,
  };
  // Statuses with no row are absent from the GROUP BY and keep their 0.
  for (const r of byStatus) counts[r.status] = Number(r.n);
  return { rows, total: Number(totals?.total ?? 0), counts };
}

/** One application by id, or undefined (the caller checks the reviewer's scope). */
export async function findApplicationById(
  db: DbOrTx,
  id: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(positionApplication).where(eq(positionApplication.id, id));
  return row;
}

/** The applications among these ids that lie within the scope (bulk decisions). */
export async function findApplicationsInScope(
  db: DbOrTx,
  ids: readonly string[],
  scope: PermissionScope,
): Promise<ApplicationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(positionApplication)
    .where(and(inArray(positionApplication.id, [...ids]), inScope(scope)));
}

/** An application's timeline, oldest first; id breaks ties of equal times. */
export async function findApplicationTimeline(db: DbOrTx, applicationId: string) {
  return db
    .select()
    .from(applicationTimeline)
    .where(eq(applicationTimeline.applicationId, applicationId))
    .orderBy(asc(applicationTimeline.seq));
}
