import { monthsBetween } from '../identity/calendar';
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  type ConditionCheck,
  type EligibilityCandidate,
  type EligibilityPolicy,
  type PositionRequirements,
} from './eligibility.types';

/**
 * Hukou / residence-permit rules (§7): a position open beyond Shanghai hukou takes a non-hukou candidate
 * with the required education and a permit valid on the reference date, held long enough, with
 * enough points; a 乡镇 position (ONL-03a) needs the education and a valid permit.
 */
export function checkResidence(
  c: EligibilityCandidate,
  position: PositionRequirements,
  policy: EligibilityPolicy,
): ConditionCheck[] {
  const checks: ConditionCheck[] = [];
  if (c.hukou === 'shanghai' || position.residence === 'any') {
    if (position.residence !== 'any')
      checks.push(pass('户籍', 'ELIGIBILITY.HUKOU', '考生为上海户籍'));
    return checks;
  }
  if (position.residence === 'shanghai_hukou') {
    checks.push({
      condition: '户籍',
      code: 'ELIGIBILITY.HUKOU',
      passed: false,
      reason: '该职位仅限上海户籍，考生为非上海户籍',
    });
    return checks;
  }
  const minEducation = position.township
    ? policy.townshipNonHukouMinEducation
    : policy.nonHukouMinEducation;
  const eduOk = EDUCATION_LEVELS.indexOf(c.education) >= EDUCATION_LEVELS.indexOf(minEducation);
  checks.push({
    condition: '非本市户籍学历',
    code: 'ELIGIBILITY.NON_HUKOU_EDUCATION',
    passed: eduOk,
    reason: `非上海户籍考生须具有${EDUCATION_LABELS[minEducation]}及以上学历，考生为${EDUCATION_LABELS[c.education]}`,
  });
  const permit = c.residencePermit;
  if (!permit) {
    checks.push({
      condition: '居住证',
      code: 'ELIGIBILITY.PERMIT',
      passed: false,
      reason: '非上海户籍考生须持有有效的上海市居住证，考生未持有',
    });
    return checks;
  }
  const valid =
    permit.validUntil >= policy.referenceDate && permit.issuedOn <= policy.referenceDate;
  checks.push({
    condition: '居住证有效期',
    code: 'ELIGIBILITY.PERMIT',
    passed: valid,
    reason: valid
      ? `居住证有效期至${permit.validUntil}`
      : `居住证于${policy.referenceDate}不在有效期内（有效期至${permit.validUntil}）`,
  });
  if (position.township) return checks;
  const held = Math.max(0, monthsBetween(permit.issuedOn, policy.referenceDate));
  checks.push({
    condition: '居住证持有时间',
    code: 'ELIGIBILITY.PERMIT_HELD',
    passed: held >= policy.permitMinHeldMonths,
    reason: `要求持证满${policy.permitMinHeldMonths}个月，考生持证${held}个月`,
  });
  checks.push({
    condition: '居住证积分',
    code: 'ELIGIBILITY.PERMIT_POINTS',
    passed: permit.points >= policy.permitMinPoints,
    reason: `要求积分达到标准分值${policy.permitMinPoints}分，考生为${permit.points}分`,
  });
  return checks;
}

function pass(condition: string, code: string, reason: string): ConditionCheck {
  return { condition, code, passed: true, reason };
}
