import type {
  Application,
  ApplicationCheck,
  PositionConditions,
  SubmitApplication,
} from '@kaolu/contracts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import type { DataExchange } from '../data-exchange';
import { assertStageOpen, findEventById, windowOf, type EventRecord } from '../events';
import { matchByBlindIndex } from '../lists';
import { position } from '../positions';
import { eligibilityFactsOf, type ProfilesService, type StoredProfileDocument } from '../profiles';
import { examRegistration, lookUpResidence } from '../registrations';
import type { ScoresService } from '../scores';
import { unit } from '../units/unit.table';
import { assessApplication, policePostsOf, validIntentions } from './application-assessment';
import { addApplicationTimeline, transitionApplication } from './application-status';
import { applicationTimeline, positionApplication } from './application.table';
import { shanghaiDay } from '../../platform/time';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

/**
 * What the use cases need: profiles for the frozen snapshot and identity, scores for the written
 * verdict, the data exchange for hukou / residence; `now` is the module clock, replaced in tests.
 */
export type ApplicationsDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  exchange: DataExchange;
  profiles: ProfilesService;
  scores: ScoresService;
  now?: () => Date;
};
export type ApplicationsService = ReturnType<typeof createApplicationsService>;

/**
 * True when a PostgreSQL unique violation (23505) is anywhere in the cause chain: Drizzle wraps the
 * driver's error, so the code sits on a `cause`, not on the error that reaches us.
 */
const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: string }).code === '23505') return true;
  return false;
};
// The refusal message lists every failed condition at once, so the candidate fixes all in one go.
const failedText = (checks: ApplicationCheck[]) =>
  checks
    .filter((c) => c.result === 'failed')
    .map((c) => `${c.condition}：${c.reason}`)
    .join('；');

/** Position application 职位报名 use cases (ONL-03, §7, INT-02 whitelist direction). */
export function createApplicationsService(deps: ApplicationsDeps) {
  const { db, crypto, audit, exchange, profiles, scores } = deps;
  const now = deps.now ?? (() => new Date());

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
    const [row] = await db
      .select({
        p: position,
        unitName: unit.name,
        unitParentId: unit.parentId,
        unitIsPolice: unit.isPolice,
      })
      .from(position)
      .innerJoin(unit, eq(unit.id, position.unitId))
      .where(
        and(
          eq(position.id, positionId),
          eq(position.eventId, eventId),
          eq(position.status, 'published'),
        ),
      );
    if (!row) throw new AppError('POSITION.NOT_FOUND');
    return row;
  }

  /** Gathers the facts (platform calls included) and runs every rule; nothing is written. */
  async function assess(candidateId: string, event: EventRecord, positionId: string) {
    const target = await loadPosition(event.id, positionId);
    // Only a confirmed exam registration counts for the exam-first order (§7): pending or unpaid
    // ones do not.
    const [registration] = await db
      .select()
      .from(examRegistration)
      .where(
        and(
          eq(examRegistration.eventId, event.id),
          eq(examRegistration.candidateId, candidateId),
          eq(examRegistration.status, 'confirmed'),
        ),
      );
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
      ? ((
          await db.select({ name: unit.name }).from(unit).where(eq(unit.id, lists.whitelistUnitId))
        )[0]?.name ?? null)
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

  /**
   * Writes the application with its checks, frozen profile and police intentions, and its first
   * timeline line, in the caller's transaction (submit and change share it).
   */
  async function insertApplication(
    tx: Tx,
    candidateId: string,
    event: EventRecord,
    result: Awaited<ReturnType<typeof assess>>,
    intentions: string[] | undefined,
    message: string,
  ) {
    const [row] = await tx
      .insert(positionApplication)
      .values({
        eventId: event.id,
        candidateId,
        positionId: result.target.p.id,
        unitId: result.target.p.unitId,
        status: 'submitted',
        checks: result.checks,
        profileVersion: result.snapshot.version,
        profileSnapshot: result.snapshot.document,
        // validIntentions has already refused a 基础警察 position without a ranking.
        policeIntentions: result.policePosts ? intentions! : null,
        submittedAt: new Date(),
      })
      .returning({ id: positionApplication.id });
    await addApplicationTimeline(tx, {
      applicationId: row!.id,
      kind: 'submitted',
      message,
      toStatus: 'submitted',
    });
    return row!.id;
  }

  /** The candidate's own application; another candidate's id answers not found, never forbidden. */
  async function ownApplication(candidateId: string, id: string) {
    const [row] = await db
      .select()
      .from(positionApplication)
      .where(and(eq(positionApplication.id, id), eq(positionApplication.candidateId, candidateId)));
    if (!row) throw new AppError('APPLICATION.NOT_FOUND');
    return row;
  }

  return {
    /** The "check before you apply" button: every rule explained, nothing saved. */
    async precheck(candidateId: string, input: { eventId: string; positionId: string }) {
      const result = await assess(candidateId, await loadEvent(input.eventId), input.positionId);
      return {
        eligible: result.checks.every((c) => c.result === 'passed'),
        checks: result.checks,
        policePosts: result.policePosts,
      };
    },

    /** Applies to one position in the window; one active application per event (database-enforced). */
    async submit(
      candidateId: string,
      input: SubmitApplication,
      ctx: ChangeContext,
    ): Promise<{ id: string }> {
      const event = await loadEvent(input.eventId);
      assertStageOpen(event, 'position_application', now());
      // A friendly early refusal naming the active application; the partial unique index
      // position_application_one_active_uq is the real guard when two submits race (caught below).
      const [active] = await db
        .select({ id: positionApplication.id })
        .from(positionApplication)
        .where(
          and(
            eq(positionApplication.eventId, event.id),
            eq(positionApplication.candidateId, candidateId),
            inArray(positionApplication.status, ['submitted', 'returned', 'approved']),
          ),
        );
      if (active)
        throw new AppError('APPLICATION.ALREADY_ACTIVE', { details: { applicationId: active.id } });
      // Assessed before the transaction: it calls the city platform, and no transaction should stay
      // open during a network call.
      const result = await assertEligible(
        candidateId,
        event,
        input.positionId,
        input.policeIntentions,
      );
      try {
        return await db.transaction(async (tx) => {
          const id = await insertApplication(
            tx,
            candidateId,
            event,
            result,
            input.policeIntentions,
            `报考职位：${result.target.p.code} ${result.target.p.title}（${result.target.unitName}）`,
          );
          await audit.record(tx, {
            action: 'application.submitted',
            ...auditBase(ctx),
            targetType: 'position_application',
            targetId: id,
            result: 'success',
            details: {
              eventId: event.id,
              positionId: input.positionId,
              from: null,
              to: 'submitted',
            },
          });
          return { id };
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('APPLICATION.ALREADY_ACTIVE', { cause: error });
        throw error;
      }
    },

    /** Changes position while the unit has not reviewed (§7): the old one is withdrawn, the new one submitted. */
    async change(
      candidateId: string,
      applicationId: string,
      input: { positionId: string; policeIntentions?: string[] },
      ctx: ChangeContext,
    ): Promise<{ id: string }> {
      const row = await ownApplication(candidateId, applicationId);
      // Two refusals with their own messages: approved is locked for good, any other state means
      // the unit has already acted (or the application is no longer active).
      if (row.status === 'approved') throw new AppError('APPLICATION.LOCKED');
      if (row.status !== 'submitted') throw new AppError('APPLICATION.ALREADY_REVIEWED');
      if (row.positionId === input.positionId)
        throw new AppError('COMMON.VALIDATION_FAILED', { message: '新职位与当前报考职位相同' });
      const event = await loadEvent(row.eventId);
      assertStageOpen(event, 'position_application', now());
      const result = await assertEligible(
        candidateId,
        event,
        input.positionId,
        input.policeIntentions,
      );
      // Withdraw first, then insert: the one-active index would refuse the new row while the old
      // one is still submitted. The guarded update loses to a review landed since the read above.
      return db.transaction(async (tx) => {
        const moved = await transitionApplication(tx, row.id, 'submitted', 'withdrawn', {
          kind: 'changed',
          message: `考生改报职位 ${result.target.p.code}`,
        });
        if (!moved) throw new AppError('APPLICATION.ALREADY_REVIEWED');
        const id = await insertApplication(
          tx,
          candidateId,
          event,
          result,
          input.policeIntentions,
          `改报职位：${result.target.p.code} ${result.target.p.title}（${result.target.unitName}）`,
        );
        // One entry for the change: the target is the new application, from / to the old one's.
        await audit.record(tx, {
          action: 'application.changed',
          ...auditBase(ctx),
          targetType: 'position_application',
          targetId: id,
          result: 'success',
          details: {
            previous: row.id,
            fromPosition: row.positionId,
            toPosition: input.positionId,
            from: 'submitted',
            to: 'withdrawn',
          },
        });
        return { id };
      });
    },

    /** Answers a 退回补充: the current profile (with new materials) is frozen again and the clock restarts. */
    async supplement(
      candidateId: string,
      applicationId: string,
      note: string,
      ctx: ChangeContext,
    ): Promise<void> {
      const row = await ownApplication(candidateId, applicationId);
      if (row.status !== 'returned')
        throw new AppError('APPLICATION.INVALID_TRANSITION', {
          message: '只有被退回补充的报名才能补充材料',
        });
      // The profile is frozen again so the reviewer sees the materials just added.
      const snapshot = await profiles.snapshotOf(candidateId);
      // submittedAt is reset because the unit's review SLA counts from re-entry into its queue; a
      // second, concurrent supplement finds the row already submitted and gets a conflict.
      await db.transaction(async (tx) => {
        const moved = await transitionApplication(
          tx,
          row.id,
          'returned',
          'submitted',
          { kind: 'supplemented', message: `考生补充材料：${note}` },
          {
            profileVersion: snapshot.version,
            profileSnapshot: snapshot.document,
            submittedAt: new Date(),
          },
        );
        if (!moved) throw new AppError('COMMON.CONFLICT');
        await audit.record(tx, {
          action: 'application.supplemented',
          ...auditBase(ctx),
          targetType: 'position_application',
          targetId: row.id,
          result: 'success',
          details: { from: 'returned', to: 'submitted', profileVersion: snapshot.version },
        });
      });
    },

    /**
     * The candidate's applications with their timelines, newest first; with an id, that one only
     * (what the write routes answer). Withdrawn ones stay listed so a change remains traceable.
     */
    async listMine(candidateId: string, applicationId?: string): Promise<Application[]> {
      const rows = await db
        .select({
          a: positionApplication,
          code: position.code,
          title: position.title,
          unitName: unit.name,
        })
        .from(positionApplication)
        .innerJoin(position, eq(position.id, positionApplication.positionId))
        .innerJoin(unit, eq(unit.id, positionApplication.unitId))
        .where(
          and(
            eq(positionApplication.candidateId, candidateId),
            applicationId ? eq(positionApplication.id, applicationId) : undefined,
          ),
        )
        .orderBy(desc(positionApplication.createdAt));
      // All timelines in one query rather than one per application; id breaks ties of equal times.
      const ids = rows.map((r) => r.a.id);
      const lines = ids.length
        ? await db
            .select()
            .from(applicationTimeline)
            .where(inArray(applicationTimeline.applicationId, ids))
            .orderBy(asc(applicationTimeline.at), asc(applicationTimeline.id))
        : [];
      return rows.map(({ a, code, title, unitName }) => ({
        id: a.id,
        eventId: a.eventId,
        positionId: a.positionId,
        positionCode: code,
        positionTitle: title,
        unitName,
        status: a.status,
        checks: a.checks as ApplicationCheck[],
        policeIntentions: a.policeIntentions ?? null,
        reviewReasonCode: a.reviewReasonCode,
        reviewReasonText: a.reviewReasonText,
        submittedAt: a.submittedAt.toISOString(),
        timeline: lines
          .filter((l) => l.applicationId === a.id)
          .map((l) => ({
            at: l.at.toISOString(),
            kind: l.kind,
            fromStatus: l.fromStatus,
            toStatus: l.toStatus,
            message: l.message,
          })),
      }));
    },
  };
}
