import type { ApplicationStatus, Permission, ReviewQueueQuery } from '@kaolu/contracts';
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeCondition, scopeOf } from '../../platform/auth/permission-scope';
import { positionApplication } from '../applications';
import { candidate } from '../candidates/candidate.table';
import { recruitmentEvent } from '../events';
import { position } from '../positions';
import { unit } from '../units/unit.table';
import { overdueHoursSql, slaCondition, warnHoursSql } from './review-sla';

/**
 * The caller's reach over applications: his units (or the units under his department) within his
 * events. A unit reviewer's query can never return another unit's applications.
 */
export function reviewScopeCondition(
  principal: Principal | undefined,
  permission: Permission,
): SQL | undefined {
  const scope = scopeOf(principal, permission);
  const own = scopeCondition(scope, {
    unitId: positionApplication.unitId,
    eventId: positionApplication.eventId,
  });
  if (own === undefined) return undefined;
  return or(
    own,
    scopeCondition(scope, { unitId: unit.parentId, eventId: positionApplication.eventId }),
  );
}

// The keyword is matched literally: %, _ and \ typed by the user are escaped, not wildcards.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of the queue, oldest first, with the counts per status under the same filters. */
export async function findQueue(
  tx: DbOrTx,
  scope: SQL | undefined,
  q: ReviewQueueQuery,
  now: Date,
) {
  const filters: Array<SQL | undefined> = [scope];
  if (q.eventId) filters.push(eq(positionApplication.eventId, q.eventId));
  if (q.positionId) filters.push(eq(positionApplication.positionId, q.positionId));
  if (q.keyword)
    filters.push(
      or(
        ilike(candidate.name, likePattern(q.keyword)),
        ilike(position.code, likePattern(q.keyword)),
      ),
    );
  // Each application is marked by its own event's SLA, so one queue may mix thresholds.
  if (q.sla) filters.push(slaCondition(q.sla, now));
  // Counts ignore the status filter, so the tabs show every status's number.
  const base = and(...filters);
  const where = and(base, q.status ? eq(positionApplication.status, q.status) : undefined);
  // Page, total and per-status counts share the joins so the numbers always agree with the rows;
  // the event join supplies each row's SLA thresholds. id breaks ties of equal submission times.
  const [rows, [totals], byStatus] = await Promise.all([
    tx
      .select({
        a: positionApplication,
        code: position.code,
        title: position.title,
        unitName: unit.name,
        name: candidate.name,
        idNumberEnc: candidate.idNumberEnc,
        warnHours: warnHoursSql(),
        overdueHours: overdueHoursSql(),
      })
      .from(positionApplication)
      .innerJoin(position, eq(position.id, positionApplication.positionId))
      .innerJoin(unit, eq(unit.id, positionApplication.unitId))
      .innerJoin(candidate, eq(candidate.id, positionApplication.candidateId))
      .innerJoin(recruitmentEvent, eq(recruitmentEvent.id, positionApplication.eventId))
      .where(where)
      .orderBy(asc(positionApplication.submittedAt), asc(positionApplication.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    tx
      .select({ total: count() })
      .from(positionApplication)
      .innerJoin(position, eq(position.id, positionApplication.positionId))
      .innerJoin(unit, eq(unit.id, positionApplication.unitId))
      .innerJoin(candidate, eq(candidate.id, positionApplication.candidateId))
      .innerJoin(recruitmentEvent, eq(recruitmentEvent.id, positionApplication.eventId))
      .where(where),
    tx
      .select({ status: positionApplication.status, n: count() })
      .from(positionApplication)
      .innerJoin(position, eq(position.id, positionApplication.positionId))
      .innerJoin(unit, eq(unit.id, positionApplication.unitId))
      .innerJoin(candidate, eq(candidate.id, positionApplication.candidateId))
      .innerJoin(recruitmentEvent, eq(recruitmentEvent.id, positionApplication.eventId))
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

/** The review SLA of one event's policy, defaults filled in like the queue's. */
export async function findReviewSla(tx: DbOrTx, eventId: string) {
  const [row] = await tx
    .select({ warnHours: warnHoursSql(), overdueHours: overdueHoursSql() })
    .from(recruitmentEvent)
    .where(eq(recruitmentEvent.id, eventId));
  // The foreign key makes this impossible, so it is a broken invariant, not an AppError.
  if (!row) throw new Error(`event ${eventId} of an application is missing`);
  return row;
}
