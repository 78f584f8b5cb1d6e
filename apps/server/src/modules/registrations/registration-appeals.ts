import type { RegistrationCheck } from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import type { CheckOutcome } from './registration-checks';

/** A registration check that an approved problem-center appeal lets the candidate pass (ONL-01). */
export type AppealedCheck = 'greylist' | 'hukou' | 'residence';
export type ApprovedAppeal = { check: AppealedCheck; caseNumber: string };

/**
 * The approved appeals of a candidate for an event, offered by the problems module. The problem
 * center comes after registrations (it acts on registrations and fees), so it installs this with
 * `registrations.useAppeals` when it is built; without it no appeal exists and nothing changes.
 */
export type RegistrationAppeals = {
  approvedFor(db: DbOrTx, candidateId: string, eventId: string): Promise<ApprovedAppeal[]>;
};

export const NO_APPEALS: RegistrationAppeals = { approvedFor: async () => [] };

// Which automatic check lines each appeal answers: a hukou appeal (the platform's hukou answer is
// wrong) covers every residence line; a permit appeal covers the permit's validity, time and points.
const CODES_OF: Record<Exclude<AppealedCheck, 'greylist'>, readonly string[]> = {
  hukou: [
    'ELIGIBILITY.HUKOU',
    'ELIGIBILITY.NON_HUKOU_EDUCATION',
    'ELIGIBILITY.PERMIT',
    'ELIGIBILITY.PERMIT_HELD',
    'ELIGIBILITY.PERMIT_POINTS',
  ],
  residence: ['ELIGIBILITY.PERMIT', 'ELIGIBILITY.PERMIT_HELD', 'ELIGIBILITY.PERMIT_POINTS'],
};

const LABEL: Record<AppealedCheck, string> = {
  greylist: '灰名单申诉',
  hukou: '户籍申诉',
  residence: '居住证申诉',
};

/** The refusal's link to file an appeal on the candidate portal, prefilled with type and event. */
export function appealPathOf(type: string, eventId: string, refusalCode: string): string {
  const query = new URLSearchParams({ type, eventId, refusal: refusalCode });
  return `/problems/new?${query.toString()}`;
}

/**
 * The outcome with every failed line an approved appeal answers turned passed, its reason naming
 * the case (the evidence frozen with the registration), and a greylist line when one was waived.
 */
export function applyAppeals(
  outcome: CheckOutcome,
  appeals: readonly ApprovedAppeal[],
  greylisted: boolean,
): CheckOutcome {
  if (appeals.length === 0) return outcome;
  const passedBy = (check: RegistrationCheck) =>
    appeals.find(
      (a) => a.check !== 'greylist' && check.code && CODES_OF[a.check].includes(check.code),
    );
  const checks: RegistrationCheck[] = outcome.checks.map((c) => {
    const appeal = c.result === 'failed' ? passedBy(c) : undefined;
    if (!appeal) return c;
    const reason = `${c.reason}；${LABEL[appeal.check]}已通过（问题编号 ${appeal.caseNumber}）`;
    return { ...c, result: 'passed', reason };
  });
  const greylist = appeals.find((a) => a.check === 'greylist');
  if (greylisted && greylist)
    checks.push({
      condition: '灰名单',
      code: 'APPEAL.GREYLIST_APPROVED',
      result: 'passed',
      reason: `本次招录灰名单申诉已通过（问题编号 ${greylist.caseNumber}）`,
    });
  return { ...outcome, checks, eligible: checks.every((c) => c.result !== 'failed') };
}
