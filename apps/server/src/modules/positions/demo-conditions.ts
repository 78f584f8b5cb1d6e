import type { PositionConditions } from '@kaolu/contracts';
import type { PositionConditions as DemoConditions } from '@kaolu/fixtures';

// The fixtures name the doctorate phd; contracts call the education level doctor.
const EDUCATION = { bachelor: 'bachelor', master: 'master', phd: 'doctor' } as const;

/**
 * The demo generator's condition shape → the stored shape the eligibility engine reads
 * (PositionRequirements), so seeded positions search and display like filled ones.
 */
export function demoConditionsToPositionConditions(c: DemoConditions): PositionConditions {
  const education = EDUCATION[c.educationMin];
  return {
    minEducation: education,
    ...(c.degreeRequired
      ? {
          minDegree:
            education === 'doctor' ? 'doctor' : education === 'master' ? 'master' : 'bachelor',
        }
      : {}),
    ...(c.majors.length ? { majorKeywords: c.majors } : {}),
    maxAge: c.ageMax,
    ...(c.gender !== 'any' ? { gender: c.gender } : {}),
    ...(c.politicalStatus === 'party_member'
      ? { politicalStatus: ['cpc_member', 'cpc_probationary'] }
      : {}),
    // The demo's shanghai_or_permit is the stored hukou_or_permit (户籍或居住证).
    residence: c.hukou === 'shanghai_or_permit' ? 'hukou_or_permit' : 'any',
    ...(c.workYearsMin ? { minWorkYears: c.workYearsMin } : {}),
    ...(c.grassrootsYearsMin ? { minGrassrootsYears: c.grassrootsYearsMin } : {}),
    ...(c.other ? { other: c.other } : {}),
  };
}
