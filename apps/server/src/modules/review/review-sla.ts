import {
  DEFAULT_REVIEW_SLA,
  type ApplicationStatus,
  type EventPolicy,
  type SlaMark,
} from '@kaolu/contracts';

// Milliseconds in an hour: SLA thresholds are whole hours of waiting, weekends included.
const HOUR = 3_600_000;
/** An event's review SLA: marked after `warnHours` waiting, overdue after `overdueHours`. */
export type ReviewSla = EventPolicy['reviewSla'];

/** Whole hours an application has waited in the unit's queue. */
export function waitingHoursOf(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / HOUR));
}

/** The SLA mark under the event's thresholds: only applications waiting for the unit (待审核) can be late. */
export function slaOf(
  status: ApplicationStatus,
  submittedAt: Date,
  now: Date,
  sla: ReviewSla = DEFAULT_REVIEW_SLA,
): SlaMark {
  // Returned applications wait for the candidate, decided ones for nobody: neither is the unit's
  // delay.
  if (status !== 'submitted') return 'ok';
  const hours = (now.getTime() - submittedAt.getTime()) / HOUR;
  return hours >= sla.overdueHours ? 'overdue' : hours >= sla.warnHours ? 'due' : 'ok';
}

/** An event policy's SLA thresholds, defaults filled in for policies saved before the SLA existed. */
export function reviewSlaOf(policy: EventPolicy | undefined): ReviewSla {
  return {
    warnHours: Number(policy?.reviewSla?.warnHours ?? DEFAULT_REVIEW_SLA.warnHours),
    overdueHours: Number(policy?.reviewSla?.overdueHours ?? DEFAULT_REVIEW_SLA.overdueHours),
  };
}
