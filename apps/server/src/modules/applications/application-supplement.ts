import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import type { ApplicationsContext } from './application-context';
import type { ApplicationQueries } from './application-queries';
import { transitionApplication } from './application-status';

/** The candidate's answer to a 退回补充 (§7): the application returns to the unit's queue. */
export function createApplicationSupplement(
  deps: ApplicationsContext,
  queries: Pick<ApplicationQueries, 'ownApplication'>,
) {
  const { db, audit, profiles, now } = deps;
  const { ownApplication } = queries;

  return {
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
            submittedAt: now(),
            updatedAt: now(),
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
  };
}
