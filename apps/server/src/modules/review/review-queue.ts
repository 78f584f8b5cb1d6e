import type { Permission, ReviewQueueQuery } from '@kaolu/contracts';
import type { Principal } from '../../platform/auth/access';
import { maskIdNumber, maskName } from '../../platform/masking';
import type { ReviewContext } from './review-context';
import type { ReviewScope } from './review-scope';
import { findQueue } from './review.repository';
import { slaOf, waitingHoursOf } from './review-sla';

/** The review queue 审核队列 of a unit or department, with SLA marks (§7, INT-09e). */
export function createReviewQueue(
  deps: Pick<ReviewContext, 'db' | 'now'>,
  scope: Pick<ReviewScope, 'idNumberOf'>,
) {
  const { db, now } = deps;
  const { idNumberOf } = scope;

  /**
   * One page of the scoped queue, oldest first, each line with its SLA mark; names and ID numbers
   * are masked (NFR-SEC-3). The overdue list of org_admin is this queue under another permission.
   */
  async function queue(
    principal: Principal | undefined,
    q: ReviewQueueQuery,
    permission: Permission = 'application.review',
  ) {
    // One instant for the whole page, so waiting hours and marks agree with the SQL filter.
    const at = now();
    const { rows, total, counts } = await findQueue(db, principal, permission, q, at);
    return {
      items: rows.map((r) => ({
        id: r.a.id,
        eventId: r.a.eventId,
        candidateName: maskName(r.name),
        idNumberMasked: maskIdNumber(idNumberOf(r.a.candidateId, r.idNumberEnc)),
        positionId: r.a.positionId,
        positionCode: r.code,
        positionTitle: r.title,
        unitName: r.unitName,
        status: r.a.status,
        submittedAt: r.a.submittedAt.toISOString(),
        waitingHours: waitingHoursOf(r.a.submittedAt, at),
        sla: slaOf(r.a.status, r.a.submittedAt, at, r),
        slaHours: { warn: r.warnHours, overdue: r.overdueHours },
      })),
      total,
      counts,
    };
  }

  return { queue };
}
