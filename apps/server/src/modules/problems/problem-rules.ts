import type { ProblemRole, ProblemStatus, ProblemType } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';

// The problem center's fixed rules (ONL-01): the status transition table, who answers each type,
// how long he has (SLA) and which types concern an event.

/**
 * Allowed moves of a case. Staff accept (in_review) and decide; "more info needed" returns to review
 * when the candidate answers; a decided case is closed; a candidate may withdraw an open case.
 */
export const PROBLEM_TRANSITIONS: Record<ProblemStatus, readonly ProblemStatus[]> = {
  submitted: ['in_review', 'closed'],
  in_review: ['approved', 'rejected', 'more_info_needed', 'closed'],
  more_info_needed: ['in_review', 'closed'],
  approved: ['closed'],
  rejected: ['closed'],
  closed: [],
};

/** Staff may make these moves; the candidate's answer and withdrawal are his own use cases. */
export const STAFF_TARGETS: readonly ProblemStatus[] = [
  'in_review',
  'approved',
  'rejected',
  'more_info_needed',
  'closed',
];

/** Refuses a move the table does not allow, naming both statuses (the audit entry records them). */
export function assertProblemTransition(from: ProblemStatus, to: ProblemStatus): void {
  if (!PROBLEM_TRANSITIONS[from].includes(to))
    throw new AppError('PROBLEM.INVALID_TRANSITION', { details: { from, to } });
}

/** A decision the candidate must be told: it needs a reply text (and sends one SMS, ONL-01g). */
export const DECISIONS_WITH_REPLY: readonly ProblemStatus[] = [
  'approved',
  'rejected',
  'more_info_needed',
];

/** Statuses in which the case waits for staff, so its SLA runs and it can be overdue. */
export const WAITING_FOR_STAFF: readonly ProblemStatus[] = ['submitted', 'in_review'];
/** Statuses in which a candidate may still withdraw. */
export const WITHDRAWABLE: readonly ProblemStatus[] = [
  'submitted',
  'in_review',
  'more_info_needed',
];

/** Who answers a type: support for technical questions, the org department for the rest. */
export function responsibleRoleOf(type: ProblemType): ProblemRole {
  return type === 'technical' ? 'support' : 'org_admin';
}

/**
 * SLA in hours per type (Default: 1 working day for technical questions, 3 days for appeals and
 * waivers, 5 for a name change that needs documents checked).
 */
export const PROBLEM_SLA_HOURS: Record<ProblemType, number> = {
  greylist_appeal: 72,
  hukou_appeal: 72,
  residence_appeal: 72,
  name_change: 120,
  fee_waiver: 72,
  technical: 24,
};

/** Every type but a technical question concerns one event (its registration or its checks). */
export const needsEvent = (type: ProblemType): boolean => type !== 'technical';

/** The appeal types whose approval lets a registration check pass (ONL-01, see registrations.useAppeals). */
export const CHECK_OF_APPEAL = {
  greylist_appeal: 'greylist',
  hukou_appeal: 'hukou',
  residence_appeal: 'residence',
} as const satisfies Partial<Record<ProblemType, string>>;
