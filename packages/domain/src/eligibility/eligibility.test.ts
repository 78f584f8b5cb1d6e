import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEligibility } from './check-eligibility';
import {
  DEFAULT_ELIGIBILITY_POLICY,
  type EligibilityCandidate,
  type PositionRequirements,
} from './eligibility.types';

const policy = { ...DEFAULT_ELIGIBILITY_POLICY, referenceDate: '2025-01-01' };
const base: EligibilityCandidate = {
  birthDate: '1995-06-15',
  gender: 'female',
  education: 'master',
  degree: 'master',
  majorCode: '081203',
  majorName: '计算机应用技术',
  politicalStatus: 'cpc_member',
  hukou: 'other',
  residencePermit: { issuedOn: '2023-03-01', validUntil: '2026-03-01', points: 120 },
  workMonths: 30,
  grassrootsMonths: 24,
  longestAbroadMonths: 0,
};
const open: PositionRequirements = { residence: 'hukou_or_permit' };
const failed = (c: EligibilityCandidate, p: PositionRequirements): string[] => {
  const r = checkEligibility(c, p, policy);
  if (!r.ok) throw new Error(JSON.stringify(r.reasons));
  return r.value.checks.filter((x) => !x.passed).map((x) => x.code);
};

describe('checkEligibility', () => {
  it('admits a non-hukou master with a permit held 22 months and exactly 120 points', () => {
    expect(failed(base, open)).toEqual([]);
  });

  it('refuses 119 points and a permit held 11 months, naming both', () => {
    const c = {
      ...base,
      residencePermit: { issuedOn: '2024-01-02', validUntil: '2026-03-01', points: 119 },
    };
    expect(failed(c, open)).toEqual(['ELIGIBILITY.PERMIT_HELD', 'ELIGIBILITY.PERMIT_POINTS']);
  });

  it('refuses a non-hukou bachelor even with a good permit', () => {
    expect(failed({ ...base, education: 'bachelor', degree: 'bachelor' }, open)).toEqual([
      'ELIGIBILITY.NON_HUKOU_EDUCATION',
    ]);
  });

  it('lets a 乡镇 position take a non-hukou master with a valid permit whatever the points', () => {
    const c = {
      ...base,
      residencePermit: { issuedOn: '2024-12-01', validUntil: '2025-06-01', points: 0 },
    };
    expect(failed(c, { ...open, township: true })).toEqual([]);
    const expired = { ...c, residencePermit: { ...c.residencePermit, validUntil: '2024-12-31' } };
    expect(failed(expired, { ...open, township: true })).toEqual(['ELIGIBILITY.PERMIT']);
  });

  it('refuses a non-hukou candidate for a hukou-only position and admits a hukou one', () => {
    expect(failed(base, { residence: 'shanghai_hukou' })).toEqual(['ELIGIBILITY.HUKOU']);
    expect(failed({ ...base, hukou: 'shanghai' }, { residence: 'shanghai_hukou' })).toEqual([]);
  });

  it('counts age in full years on the reference date (35 allowed until the 36th birthday)', () => {
    const p: PositionRequirements = { residence: 'any', maxAge: 35 };
    expect(failed({ ...base, birthDate: '1989-01-02' }, p)).toEqual([]); // 35 on 2025-01-01
    expect(failed({ ...base, birthDate: '1989-01-01' }, p)).toEqual(['ELIGIBILITY.AGE']); // turns 36 that day
  });

  it('matches majors by catalogue code prefix or by keyword', () => {
    expect(failed(base, { residence: 'any', majorCodes: ['0812'] })).toEqual([]);
    expect(
      failed(base, { residence: 'any', majorCodes: ['0301'], majorKeywords: ['计算机'] }),
    ).toEqual([]);
    expect(
      failed(base, { residence: 'any', majorCodes: ['0301'], majorKeywords: ['法学'] }),
    ).toEqual(['ELIGIBILITY.MAJOR']);
  });

  it('checks education, degree, gender, politics, work and 基层 years together', () => {
    const p: PositionRequirements = {
      residence: 'any',
      minEducation: 'doctor',
      minDegree: 'doctor',
      gender: 'male',
      politicalStatus: ['cpc_member', 'cpc_probationary'],
      minWorkYears: 3,
      minGrassrootsYears: 2,
    };
    expect(failed(base, p)).toEqual([
      'ELIGIBILITY.EDUCATION',
      'ELIGIBILITY.DEGREE',
      'ELIGIBILITY.GENDER',
      'ELIGIBILITY.WORK_YEARS',
    ]);
  });

  it('bars 6 consecutive months abroad from police positions but allows 5', () => {
    const police: PositionRequirements = { residence: 'any', barsLongStayAbroad: true };
    expect(failed({ ...base, longestAbroadMonths: 6 }, police)).toEqual(['ELIGIBILITY.ABROAD']);
    expect(failed({ ...base, longestAbroadMonths: 5 }, police)).toEqual([]);
  });

  it('reports every invalid input field at once', () => {
    const c = { ...base, birthDate: '1995-02-30', workMonths: -1, education: 'phd' as never };
    const r = checkEligibility(c, open, { ...policy, referenceDate: 'soon' });
    expect(!r.ok && r.reasons.map((x) => x.path)).toEqual([
      'policy.referenceDate',
      'candidate.birthDate',
      'candidate.education',
      'candidate.workMonths',
    ]);
  });

  it('is eligible exactly when every reported condition passes, and never more strict when a condition is dropped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 45 }),
        fc.integer({ min: 100, max: 140 }),
        fc.boolean(),
        (maxAge, points, township) => {
          const c = { ...base, residencePermit: { ...base.residencePermit!, points } };
          const p: PositionRequirements = { ...open, maxAge, township };
          const r = checkEligibility(c, p, policy);
          const loose = checkEligibility(c, { ...p, maxAge: undefined }, policy);
          if (!r.ok || !loose.ok) throw new Error('unexpected');
          expect(r.value.eligible).toBe(r.value.checks.every((x) => x.passed));
          if (r.value.eligible) expect(loose.value.eligible).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
