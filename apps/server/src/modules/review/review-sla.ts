import type { ApplicationStatus, SlaMark } from '@kaolu/contracts';

const HOUR = 3_600_000;
/** SLA thresholds of unit review (issue 8): marked after 24 h waiting, overdue after 48 h. */
export const SLA_DUE_HOURS = 24;
export const SLA_OVERDUE_HOURS = 48;

/** Whole hours an application has waited in the unit's queue. */
export function waitingHoursOf(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / HOUR));
}

/** The SLA mark: only applications waiting for the unit (待审核) can be late. */
export function slaOf(status: ApplicationStatus, submittedAt: Date, now: Date): SlaMark {
  if (status !== 'submitted') return 'ok';
  const hours = (now.getTime() - submittedAt.getTime()) / HOUR;
  return hours >= SLA_OVERDUE_HOURS ? 'overdue' : hours >= SLA_DUE_HOURS ? 'due' : 'ok';
}

/** The submittedAt bound of a mark: due = waiting in [24 h, 48 h), overdue = waiting ≥ 48 h. */
export function slaBounds(mark: 'due' | 'overdue', now: Date): { after?: Date; notAfter: Date } {
  const at = (hours: number) => new Date(now.getTime() - hours * HOUR);
  return mark === 'overdue' ? { notAfter: at(SLA_OVERDUE_HOURS) } : { after: at(SLA_OVERDUE_HOURS), notAfter: at(SLA_DUE_HOURS) };
}
