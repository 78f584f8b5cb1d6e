import { calculateAge, isValidIsoDate } from '../identity/calendar';
import { problem, type Outcome, type Problem } from '../shared/outcome';
import {
  DEGREES,
  DEGREE_LABELS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  POLITICAL_LABELS,
  POLITICAL_STATUSES,
  type ConditionCheck,
  type EligibilityCandidate,
  type EligibilityPolicy,
  type EligibilityResult,
  type PositionRequirements,
} from './eligibility.types';
import { checkResidence } from './residence-rules';

// The level lists run lowest first, so "at least X" is a comparison of positions in the list.
const rankOf = <T extends string>(list: readonly T[], value: T): number => list.indexOf(value);

/**
 * Checks a candidate against a position's conditions (ONL-03, INT-07, §7): education, degree, major,
 * age on the reference date, gender, political status, hukou / residence permit, work and 基层
 * experience, 乡镇 conditions and the abroad restriction; every condition is reported with a reason.
 */
export function checkEligibility(
  candidate: EligibilityCandidate,
  position: PositionRequirements,
  policy: EligibilityPolicy,
): Outcome<EligibilityResult> {
  const reasons = validateCandidate(candidate, policy);
  // Bad input (an incomplete profile, a wrong date) is an expected outcome, answered before any
  // condition is judged so that no check reports on nonsense.
  if (reasons.length > 0) return { ok: false, reasons };
  const checks: ConditionCheck[] = [];
  const add = (condition: string, code: string, passed: boolean, reason: string): void => {
    checks.push({ condition, code, passed, reason });
  };
  if (position.minEducation) {
    const ok =
      rankOf(EDUCATION_LEVELS, candidate.education) >=
      rankOf(EDUCATION_LEVELS, position.minEducation);
    add(
      '学历',
      'ELIGIBILITY.EDUCATION',
      ok,
      `要求${EDUCATION_LABELS[position.minEducation]}及以上，考生为${EDUCATION_LABELS[candidate.education]}`,
    );
  }
  if (position.minDegree) {
    const ok = rankOf(DEGREES, candidate.degree) >= rankOf(DEGREES, position.minDegree);
    add(
      '学位',
      'ELIGIBILITY.DEGREE',
      ok,
      `要求${DEGREE_LABELS[position.minDegree]}及以上学位，考生为${DEGREE_LABELS[candidate.degree]}`,
    );
  }
  if (position.majorCodes?.length || position.majorKeywords?.length)
    checks.push(checkMajor(candidate, position));
  if (position.minAge !== undefined || position.maxAge !== undefined) {
    // On the policy's reference date, not today: every candidate of an event is measured on one
    // day.
    const age = calculateAge(candidate.birthDate, policy.referenceDate);
    const ok = age >= (position.minAge ?? 0) && age <= (position.maxAge ?? Infinity);
    add(
      '年龄',
      'ELIGIBILITY.AGE',
      ok,
      `要求${position.minAge ?? 18}至${position.maxAge ?? '不限'}周岁，考生截至${policy.referenceDate}为${age}周岁`,
    );
  }
  if (position.gender) {
    const label = (g: string): string => (g === 'male' ? '男' : '女');
    add(
      '性别',
      'ELIGIBILITY.GENDER',
      candidate.gender === position.gender,
      `要求${label(position.gender)}性，考生为${label(candidate.gender)}性`,
    );
  }
  if (position.politicalStatus?.length) {
    const ok = position.politicalStatus.includes(candidate.politicalStatus);
    add(
      '政治面貌',
      'ELIGIBILITY.POLITICAL',
      ok,
      `要求${position.politicalStatus.map((s) => POLITICAL_LABELS[s]).join('或')}，考生为${POLITICAL_LABELS[candidate.politicalStatus]}`,
    );
  }
  checks.push(...checkResidence(candidate, position, policy));
  // Experience is declared in months; the position states whole years.
  if (position.minWorkYears) {
    const ok = candidate.workMonths >= position.minWorkYears * 12;
    add(
      '工作年限',
      'ELIGIBILITY.WORK_YEARS',
      ok,
      `要求工作经历满${position.minWorkYears}年，考生为${candidate.workMonths}个月`,
    );
  }
  if (position.minGrassrootsYears) {
    const ok = candidate.grassrootsMonths >= position.minGrassrootsYears * 12;
    add(
      '基层工作经历',
      'ELIGIBILITY.GRASSROOTS',
      ok,
      `要求基层工作经历满${position.minGrassrootsYears}年，考生为${candidate.grassrootsMonths}个月`,
    );
  }
  // INT-07: 基层人民警察 and 公安 positions bar a long stay abroad; the limit comes from the
  // policy.
  if (position.barsLongStayAbroad) {
    const ok = candidate.longestAbroadMonths < policy.abroadLimitMonths;
    add(
      '境外经历',
      'ELIGIBILITY.ABROAD',
      ok,
      `基层人民警察及公安机关职位不招录在境外连续居住、学习或工作${policy.abroadLimitMonths}个月以上者，考生最长连续${candidate.longestAbroadMonths}个月`,
    );
  }
  // Every condition is kept, passed or not, so the candidate and the reviewer see the whole
  // picture.
  return { ok: true, value: { eligible: checks.every((c) => c.passed), checks } };
}

/**
 * 专业: passes on a code prefix (a catalogue class covers its majors) or a keyword in the major's
 * name, since candidates' majors are not always in the catalogue.
 */
function checkMajor(
  candidate: EligibilityCandidate,
  position: PositionRequirements,
): ConditionCheck {
  const code = candidate.majorCode ?? '';
  const name = candidate.majorName ?? '';
  const byCode = (position.majorCodes ?? []).some((c) => code !== '' && code.startsWith(c));
  const byKeyword = (position.majorKeywords ?? []).some((k) => name.includes(k));
  const wanted = [...(position.majorCodes ?? []), ...(position.majorKeywords ?? [])].join('、');
  return {
    condition: '专业',
    code: 'ELIGIBILITY.MAJOR',
    passed: byCode || byKeyword,
    reason: `要求专业为 ${wanted}，考生为 ${name || '未填写'}${code ? `（${code}）` : ''}`,
  };
}

/** Input problems, all of them at once with their field path, so a form can show every one. */
function validateCandidate(c: EligibilityCandidate, policy: EligibilityPolicy): Problem[] {
  const reasons: Problem[] = [];
  const bad = (code: string, message: string, path: string): void =>
    void reasons.push(problem(code, message, path));
  if (!isValidIsoDate(policy.referenceDate))
    bad('ELIGIBILITY.BAD_DATE', '资格审查基准日期无效', 'policy.referenceDate');
  if (!isValidIsoDate(c.birthDate))
    bad('ELIGIBILITY.BAD_DATE', '出生日期无效', 'candidate.birthDate');
  if (!EDUCATION_LEVELS.includes(c.education))
    bad('ELIGIBILITY.BAD_VALUE', '学历无效', 'candidate.education');
  if (!DEGREES.includes(c.degree)) bad('ELIGIBILITY.BAD_VALUE', '学位无效', 'candidate.degree');
  if (!POLITICAL_STATUSES.includes(c.politicalStatus))
    bad('ELIGIBILITY.BAD_VALUE', '政治面貌无效', 'candidate.politicalStatus');
  for (const field of ['workMonths', 'grassrootsMonths', 'longestAbroadMonths'] as const) {
    if (!Number.isInteger(c[field]) || c[field] < 0)
      bad('ELIGIBILITY.BAD_VALUE', `${field} 应为非负整数`, `candidate.${field}`);
  }
  if (c.residencePermit) {
    if (!isValidIsoDate(c.residencePermit.issuedOn))
      bad('ELIGIBILITY.BAD_DATE', '居住证发证日期无效', 'candidate.residencePermit.issuedOn');
    if (!isValidIsoDate(c.residencePermit.validUntil))
      bad('ELIGIBILITY.BAD_DATE', '居住证有效期无效', 'candidate.residencePermit.validUntil');
    if (!Number.isFinite(c.residencePermit.points))
      bad('ELIGIBILITY.BAD_VALUE', '居住证积分无效', 'candidate.residencePermit.points');
  }
  return reasons;
}
