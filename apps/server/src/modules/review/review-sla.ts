import {
  DEFAULT_REVIEW_SLA,
  type ApplicationStatus,
  type EventPolicy,
  type SlaMark,
} from '@kaolu/contracts';
import { and, eq, not, sql, type SQL } from 'drizzle-orm';
import { positionApplication } from '../applications';
import { recruitmentEvent } from '../events';

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

// The thresholds as SQL over the joined event's policy; policies saved before the SLA was policy
// data have none and read as the defaults, exactly as the schema's default does.
const policyHours = (key: keyof ReviewSla) =>
  sql<number>`coalesce((${recruitmentEvent.policy} #>> ${sql.raw(`'{reviewSla,${key}}'`)})::int, ${sql.raw(String(DEFAULT_REVIEW_SLA[key]))})`.mapWith(
    Number,
  );
export const warnHoursSql = () => policyHours('warnHours');
export const overdueHoursSql = () => policyHours('overdueHours');

/** submittedAt lies at least `hours` before now. */
// now is passed in, not SQL now(), so the filter and the marks computed in code use one instant.
const waitedAtLeast = (hours: SQL, now: Date) =>
  sql`${positionApplication.submittedAt} <= ${now.toISOString()}::timestamptz - ${hours} * interval '1 hour'`;

/**
 * The filter for a mark, each application judged by its own event's policy (needs recruitment_event
 * joined): due = waiting in [warn, overdue), overdue = waiting ≥ overdue, both only while 待审核.
 */
export function slaCondition(mark: 'due' | 'overdue', now: Date): SQL {
  const pending = eq(positionApplication.status, 'submitted');
  const overdue = waitedAtLeast(overdueHoursSql(), now);
  return mark === 'overdue'
    ? and(pending, overdue)!
    : and(pending, waitedAtLeast(warnHoursSql(), now), not(overdue))!;
}
