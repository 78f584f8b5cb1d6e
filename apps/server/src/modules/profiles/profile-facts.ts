import type { ProfileDocument } from '@kaolu/contracts';
import { DEGREES, EDUCATION_LEVELS, monthsBetween, type EligibilityCandidate } from '@kaolu/domain';

// A work, study or abroad period as the profile stores it; endDate null means "until now".
type Period = { startDate: string; endDate: string | null };

// Open-ended periods ("until now") count up to the reference date.
const monthsOf = (p: Period, referenceDate: string): number =>
  Math.max(0, monthsBetween(p.startDate, p.endDate ?? referenceDate));

/**
 * The eligibility engine's view of a profile (domain EligibilityCandidate): highest education and
 * degree, work and 基层 months, the longest stay abroad. Hukou and permit come from the city
 * platform, not from what the candidate typed, so they are passed in.
 */
export function eligibilityFactsOf(
  identity: { birthDate: string; gender: 'male' | 'female' },
  document: Pick<ProfileDocument, 'education' | 'work' | 'abroad' | 'politicalStatus'>,
  referenceDate: string,
  residence: Pick<EligibilityCandidate, 'hukou' | 'residencePermit'>,
): EligibilityCandidate {
  // The highest level (then degree) decides education, major and the graduate age limit; the
  // profile schema requires at least one education entry.
  const highest = [...document.education].sort(
    (a, b) =>
      EDUCATION_LEVELS.indexOf(b.level) - EDUCATION_LEVELS.indexOf(a.level) ||
      DEGREES.indexOf(b.degree) - DEGREES.indexOf(a.degree),
  )[0]!;
  // The best degree over all entries; it may belong to another entry than the highest level.
  const degree = document.education.reduce(
    (best, e) => (DEGREES.indexOf(e.degree) > DEGREES.indexOf(best) ? e.degree : best),
    'none' as (typeof DEGREES)[number],
  );
  const work = document.work ?? [];
  return {
    birthDate: identity.birthDate,
    gender: identity.gender,
    education: highest.level,
    degree,
    majorCode: highest.majorCode,
    majorName: highest.major,
    politicalStatus: document.politicalStatus,
    hukou: residence.hukou,
    residencePermit: residence.residencePermit,
    workMonths: work.reduce((sum, w) => sum + monthsOf(w, referenceDate), 0),
    grassrootsMonths: work
      .filter((w) => w.grassroots)
      .reduce((sum, w) => sum + monthsOf(w, referenceDate), 0),
    // The longest single stay abroad, not the sum: the rule bars one long stay (INT-07).
    longestAbroadMonths: Math.max(
      0,
      ...(document.abroad ?? []).map((a) => monthsOf(a, referenceDate)),
    ),
  };
}
