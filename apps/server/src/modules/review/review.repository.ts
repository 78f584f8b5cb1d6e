import type { Permission, ReviewQueueQuery } from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeOf } from '../../platform/auth/permission-scope';
import { findReviewQueue } from '../applications';
import { candidateSummariesByIdOf } from '../candidates';
import { eventsByIdOf, findEventById } from '../events';
import { positionsByIdOf } from '../positions';
import { unitsByIdOf } from '../units';
import { reviewSlaOf } from './review-sla';

// The review's reads: applications answers the paged queue over its table; the page's candidates,
// positions, units and events are then read in one batched look-up each (never one per row).

/**
 * One page of the caller's queue under this permission, oldest first, with the counts per status;
 * each row carries what the queue shows of its candidate, position, unit and event SLA.
 */
export async function findQueue(
  db: DbOrTx,
  principal: Principal | undefined,
  permission: Permission,
  q: ReviewQueueQuery,
  now: Date,
) {
  const page = await findReviewQueue(db, scopeOf(principal, permission), q, now);
  const [people, positions, units, events] = await Promise.all([
    candidateSummariesByIdOf(
      db,
      page.rows.map((a) => a.candidateId),
    ),
    positionsByIdOf(
      db,
      page.rows.map((a) => a.positionId),
    ),
    unitsByIdOf(
      db,
      page.rows.map((a) => a.unitId),
    ),
    eventsByIdOf(
      db,
      page.rows.map((a) => a.eventId),
    ),
  ]);
  const rows = page.rows.map((a) => ({
    a,
    code: positions.get(a.positionId)!.code,
    title: positions.get(a.positionId)!.title,
    unitName: units.get(a.unitId)!.name,
    name: people.get(a.candidateId)!.name,
    idNumberEnc: people.get(a.candidateId)!.idNumberEnc,
    // Each row is marked by its own event's thresholds, as the SQL filter judged it.
    ...reviewSlaOf(events.get(a.eventId)?.policy),
  }));
  return { rows, total: page.total, counts: page.counts };
}

/** The review SLA of one event's policy, defaults filled in like the queue's. */
export async function findReviewSla(db: DbOrTx, eventId: string) {
  const event = await findEventById(db, eventId);
  // The foreign key makes this impossible, so it is a broken invariant, not an AppError.
  if (!event) throw new Error(`event ${eventId} of an application is missing`);
  return reviewSlaOf(event.policy);
}
