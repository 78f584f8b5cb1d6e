import type { ApplicationCheck, PositionConditions } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors/app-error';
import { shanghaiDay } from '../../platform/time';
import { findEventById, windowOf, type EventRecord } from '../events';
import { matchByBlindIndex } from '../lists';
import { findPublishedPositionOf } from '../positions';
import { eligibilityFactsOf, type StoredProfileDocument } from '../profiles';
import { findConfirmedRegistrationOf, lookUpResidence } from '../registrations';
import { unitsByIdOf } from '../units';
import { assessApplication, policePostsOf, validIntentions } from './application-assessment';
import type { ApplicationsContext } from './application-context';
import { positionApplication } from './application.table';

// The refusal message lists every failed condition at once, so the candidate fixes all in one go.
const failedText = (checks: ApplicationCheck[]) =>
  checks
    .filter((c) => c.result === 'failed')
    .map((c) => `${c.condition}：${c.reason}`)
    .join('；');

/**
 * Eligibility of a position application (ONL-03, §7, INT-02): gathers the facts, platform calls
 * included, and runs every rule. The precheck use case answers them; submit and change refuse on
 * them before anything is written.
 */
export function createApplicationEligibility(deps: ApplicationsContext) {
  const { db, crypto, exchange, profiles, scores, now } = deps;

  /** The event or EVENT.NOT_FOUND; the write use cases load it through here too. */
  async function loadEvent(eventId: string): Promise<EventRecord> {
    const event = await findEventById(db, eventId);
    if (!event) throw new AppError('EVENT.NOT_FOUND');
    return event;
  }

  /**
   * A published position of this event with its unit: the parent unit serves the whitelist
   * direction (a 定向 unit covers its sub-units), the police flag the stay-abroad rule (INT-07).
   * A draft or another event's position answers not found, so ids do not leak across events.
   */
  async function loadPosition(eventId: string, positionId: string) {
    const p = await findPublishedPositionOf(db, eventId, positionId);
    if (!p) throw new AppError('POSITION.NOT_FOUND');
    const u = (await unitsByIdOf(db, [p.unitId])).get(p.unitId)!;
    return { p, unitName: u.name, unitParentId: u.parentId, unitIsPolice: u.isPolice };
  }

  /** Gathers the facts (platform calls included) and runs every rule; nothing is written. */
  async function assess(candidateId: string, event: EventRecord, positionId: string) {
    const target = await loadPosition(event.id, positionId);
    // Only a confirmed exam registration counts for the exam-first order (§7): pending or unpaid
    // ones do not.
    const registration = await findConfirmedRegistrationOf(db, event.id, candidateId);
    const person = await profiles.identityOf(candidateId);
    // The profile frozen at exam registration is the one reviewed; without one, today's profile is frozen.
    const snapshot = registration
      ? {
          version: registration.profileVersion,
          document: registration.profileSnapshot as StoredProfileDocument,
        }
      : await profiles.snapshotOf(candidateId);
    // Independent reads run together to keep the precheck fast (NFR-PERF-1). A rejection by this
    // very position is final (§7), whatever changed in the profile since.
    const [verdict, lists, rejected] = await Promise.all([
      scores.verdictOf(event.id, candidateId),
      matchByBlindIndex(db, event.id, person.idNumberBidx),
      db
        .select({ id: positionApplication.id })
        .from(positionApplication)
        .where(
          and(
            eq(positionApplication.candidateId, candidateId),
            eq(positionApplication.positionId, positionId),
            eq(positionApplication.status, 'rejected'),
          ),
        )
        .limit(1),
    ]);
    const whitelistUnitName = lists.whitelistUnitId
      ? ((await unitsByIdOf(db, [lists.whitelistUnitId])).get(lists.whitelistUnitId)?.name ?? null)
      : null;
    // The ID number is decrypted only to ask the city platform (NFR-EXC-1) and is never stored in
    // clear; the associated data (table, column, row) refuses a ciphertext moved from another row.
    const idNumber = crypto.decryptField(person.idNumberEnc, {
      table: 'candidate',
      column: 'id_number',
      rowId: person.id,
    });
    const lookup = await lookUpResidence(exchange.city, { idNumber, name: person.name });
    // Fail closed: without the platform's answer the hukou / residence rules cannot be judged; a
    // guess would let an ineligible candidate through or refuse an eligible one.
    if (!lookup.available)
      throw new AppError('EXCHANGE.UNAVAILABLE', {
        message: '市数据共享平台暂不可用，无法核验户籍和居住证，请稍后再试',
      });
    // Age and permit validity are judged on the day the application window opens, so each candidate
    // of the event is measured on the same date, whenever he applies.
    const window = windowOf(event, 'position_application');
    const referenceDate = shanghaiDay(window ? new Date(window.startsAt) : now());
    const p = target.p;
    const checks = assessApplication({
      examFirst:
        event.policy.order === 'exam_first' && event.policy.stages.includes('written_exam'),
      registration: registration ? { examCategory: registration.examCategory } : undefined,
      verdict,
      position: {
        unitId: p.unitId,
        unitParentId: target.unitParentId,
        examCategory: p.examCategory,
        conditions: p.conditions as PositionConditions,
        township: p.township,
        basicPolice: p.basicPolice,
        unitIsPolice: target.unitIsPolice,
      },
      lists: { ...lists, whitelistUnitName },
      rejectedBefore: rejected.length > 0,
      facts: eligibilityFactsOf(person, snapshot.document, referenceDate, lookup.residence),
      policy: { referenceDate, ...event.policy.eligibility },
    });
    return {
      checks,
      target,
      snapshot,
      policePosts: policePostsOf({
        basicPolice: p.basicPolice,
        details: p.details as Record<string, unknown>,
      }),
    };
  }

  /** Assesses and refuses with every failed condition explained, before anything is saved. */
  async function assertEligible(
    candidateId: string,
    event: EventRecord,
    positionId: string,
    intentions: string[] | undefined,
  ) {
    const result = await assess(candidateId, event, positionId);
    // Conditions first: police intentions only matter once the candidate may apply at all.
    if (result.checks.some((c) => c.result === 'failed'))
      throw new AppError('APPLICATION.NOT_ELIGIBLE', {
        message: `不符合该职位报考条件：${failedText(result.checks)}`,
        details: { checks: result.checks },
      });
    const problem = validIntentions(result.policePosts, intentions);
    if (problem)
      throw new AppError('APPLICATION.POLICE_INTENTIONS_INVALID', {
        message: problem,
        details: { posts: result.policePosts },
      });
    return result;
  }

  return {
    loadEvent,
    assertEligible,
    /** The "check before you apply" button: every rule explained, nothing saved. */
    async precheck(candidateId: string, input: { eventId: string; positionId: string }) {
      const result = await assess(candidateId, await loadEvent(input.eventId), input.positionId);
      return {
        eligible: result.checks.every((c) => c.result === 'passed'),
        checks: result.checks,
        policePosts: result.policePosts,
      };
    },
  };
}

export type ApplicationEligibility = ReturnType<typeof createApplicationEligibility>;
/** A passed assessment: its checks, the target position, the frozen profile and the police posts. */
export type Assessment = Awaited<ReturnType<ApplicationEligibility['assertEligible']>>;
