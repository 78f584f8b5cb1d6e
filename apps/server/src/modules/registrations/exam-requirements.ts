import type { EventPolicy, RegistrationCheck } from '@kaolu/contracts';
import type { ConditionCheck, EligibilityCandidate, PositionRequirements } from '@kaolu/domain';

/**
 * Conditions every exam candidate must meet, before any position (§7, 上海市公务员招录公告):
 * 18–35 years old (40 for master's and doctoral graduates), 大专 or above, Shanghai hukou or the
 * non-hukou residence rules. The events policy has no field for these yet, so an optional
 * `examEligibility` block in the policy overrides the defaults.
 */
export type ExamEligibility = {
  minAge: number;
  maxAge: number;
  maxAgeGraduate: number;
  minEducation: NonNullable<PositionRequirements['minEducation']>;
};

export const DEFAULT_EXAM_ELIGIBILITY: ExamEligibility = {
  minAge: 18,
  maxAge: 35,
  maxAgeGraduate: 40,
  minEducation: 'junior_college',
};

/** The exam-level requirements of an event's policy, as the domain eligibility engine reads them. */
export function examRequirementsOf(
  policy: EventPolicy,
  candidate: Pick<EligibilityCandidate, 'degree'>,
  residence: boolean,
): PositionRequirements {
  const custom =
    (policy as EventPolicy & { examEligibility?: Partial<ExamEligibility> }).examEligibility ?? {};
  const rules = { ...DEFAULT_EXAM_ELIGIBILITY, ...custom };
  // The age limit follows the degree held (硕士 / 博士 → 40), as the 公告 words it.
  const graduate = candidate.degree === 'master' || candidate.degree === 'doctor';
  return {
    minAge: rules.minAge,
    maxAge: graduate ? rules.maxAgeGraduate : rules.maxAge,
    minEducation: rules.minEducation,
    // Off while the platform cannot answer: the residence line is then pending, not failed.
    residence: residence ? 'hukou_or_permit' : 'any',
  };
}

/** A domain check as the API shows it. */
export function toRegistrationCheck(check: ConditionCheck): RegistrationCheck {
  return {
    condition: check.condition,
    code: check.code,
    result: check.passed ? 'passed' : 'failed',
    reason: check.reason,
  };
}

/** The line shown while the city platform cannot answer: the registration waits, it is not passed. */
export const RESIDENCE_PENDING_CHECK: RegistrationCheck = {
  condition: '户籍/居住证',
  code: 'ELIGIBILITY.RESIDENCE_PENDING',
  result: 'pending',
  reason:
    '市数据共享平台暂不可用，户籍和居住证信息待核验；报名已保存为“待核验”，系统将自动重新核验并通知结果',
};
