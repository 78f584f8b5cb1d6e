import type { SubmitApplication } from '@kaolu/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertStageOpen, type EventRecord } from '../events';
import type { ApplicationsContext } from './application-context';
import type { ApplicationEligibility, Assessment } from './application-eligibility';
import type { ApplicationQueries } from './application-queries';
import { addApplicationTimeline, transitionApplication } from './application-status';
import { positionApplication } from './application.table';

/**
 * True when a PostgreSQL unique violation (23505) is anywhere in the cause chain: Drizzle wraps the
 * driver's error, so the code sits on a `cause`, not on the error that reaches us.
 */
const isUniqueViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: string }).code === '23505') return true;
  return false;
};

/**
 * The use cases that write a new application (§7): submit one, or change position, which withdraws
 * the old application and submits a new one in the same transaction.
 */
export function createApplicationSubmission(
  deps: ApplicationsContext,
  eligibility: ApplicationEligibility,
  queries: Pick<ApplicationQueries, 'ownApplication'>,
) {
  const { db, audit, now } = deps;
  const { loadEvent, assertEligible } = eligibility;
  const { ownApplication } = queries;

  /**
   * Writes the application with its checks, frozen profile and police intentions, and its first
   * timeline line, in the caller's transaction (submit and change share it).
   */
  async function insertApplication(
    tx: Tx,
    candidateId: string,
    event: EventRecord,
    result: Assessment,
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
        submittedAt: now(),
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

  return {
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
        const moved = await transitionApplication(
          tx,
          row.id,
          'submitted',
          'withdrawn',
          { kind: 'changed', message: `考生改报职位 ${result.target.p.code}` },
          { updatedAt: now() },
        );
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
  };
}
