import type { EventPolicy, RegistrationCheck } from '@kaolu/contracts';
import { checkEligibility, type EligibilityCandidate } from '@kaolu/domain';
import { AppError } from '../../platform/errors/app-error';
import { isExchangeUnavailable, type CityPlatform } from '../data-exchange';
import { eligibilityFactsOf } from '../profiles';
import type { StoredProfileDocument } from '../profiles';
import {
  examRequirementsOf,
  RESIDENCE_PENDING_CHECK,
  toRegistrationCheck,
} from './exam-requirements';

/** The residence facts the eligibility engine reads: hukou, and the permit when there is one. */
export type Residence = Pick<EligibilityCandidate, 'hukou' | 'residencePermit'>;
/** The platform's answer about a person's residence, or "could not answer" (→ 待核验). */
export type ResidenceLookup =
  { available: true; residence: Residence } | { available: false; reason: string };

/**
 * Asks the city platform (NFR-EXC-1): hukou first; for non-hukou people the permit's validity and
 * points. Any interface down → unavailable, never a guess.
 */
export async function lookUpResidence(
  city: CityPlatform,
  person: { idNumber: string; name: string },
): Promise<ResidenceLookup> {
  try {
    const hukou = await city.checkHukou(person);
    // A Shanghai hukou settles residence: the permit interfaces are not asked at all.
    if (hukou.shanghaiHukou) return { available: true, residence: { hukou: 'shanghai' } };
    const [validity, points] = await Promise.all([
      city.checkPermitValidity(person),
      city.getPermitPoints(person),
    ]);
    if (!validity.held) return { available: true, residence: { hukou: 'other' } };
    const permit = {
      issuedOn: validity.issuedOn,
      validUntil: validity.validUntil,
      // A permit without a points record counts as zero points, not as no permit.
      points: points.held ? points.points : 0,
    };
    return { available: true, residence: { hukou: 'other', residencePermit: permit } };
  } catch (error) {
    // Only "unavailable" becomes a pending answer; any other error is a bug and propagates.
    if (isExchangeUnavailable(error)) return { available: false, reason: error.message };
    throw error;
  }
}

/** Eligible when no line failed (pending is no failure); pending while residence is unknown. */
export type CheckOutcome = { eligible: boolean; pending: boolean; checks: RegistrationCheck[] };

/**
 * Runs the domain eligibility engine with the exam-level requirements and the policy thresholds.
 * Without the platform's answer the residence rules are left out and one "pending" line added.
 */
export function evaluateRegistration(input: {
  identity: { birthDate: string; gender: 'male' | 'female' };
  document: StoredProfileDocument;
  policy: EventPolicy;
  referenceDate: string;
  lookup: ResidenceLookup;
}): CheckOutcome {
  // A placeholder only: without an answer the residence requirement is switched off below
  // (examRequirementsOf gets residence = false), so this value decides nothing.
  const residence: Residence = input.lookup.available
    ? input.lookup.residence
    : { hukou: 'shanghai' };
  const facts = eligibilityFactsOf(input.identity, input.document, input.referenceDate, residence);
  const requirements = examRequirementsOf(input.policy, facts, input.lookup.available);
  const outcome = checkEligibility(facts, requirements, {
    referenceDate: input.referenceDate,
    ...input.policy.eligibility,
  });
  // The engine refuses facts it cannot judge (an incomplete profile): the candidate must fix them.
  if (!outcome.ok) {
    throw new AppError('COMMON.VALIDATION_FAILED', {
      message: outcome.reasons.map((r) => r.message).join('；'),
      details: { reasons: outcome.reasons },
    });
  }
  const checks = outcome.value.checks.map(toRegistrationCheck);
  if (!input.lookup.available) checks.push(RESIDENCE_PENDING_CHECK);
  return {
    eligible: checks.every((c) => c.result !== 'failed'),
    pending: !input.lookup.available,
    checks,
  };
}
