import type { Db, DbOrTx } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { approvedApplicationsOf } from '../applications';
import { assertEventInScope, findEventById } from '../events';
import { selectionPositionsOf } from '../positions';
import { passLinesOf, scoresPublishedAt, writtenResultsOf } from '../scores';
import { unitParentsOf, unitsByIdOf } from '../units';
import { computeFirstLists } from './list-computation';
import { createListExport } from './list-export';
import { createListPublication } from './list-publication';
import { createListViews } from './list-views';
import { createPhysicalTestImport } from './physical-test-import';
import {
  insertPlacements,
  replaceFirstLists,
  type AdjustedPlacement,
} from './interview-lists.repository';
import { physicalTestFailuresOf, positionListsOf } from './interview-lists.queries';

export type InterviewListsDeps = {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  now: () => Date;
};

/** Figures of one computation, for the page's confirmation message. */
export type ComputeSummary = { positions: number; listed: number; shortPositions: number };

/**
 * Interview lists 面试名单 (INT-02, §7): computed from the approved applications once written
 * scores are published, confirmed and published by the org department; adjustment adds its
 * placements through `placeAdjusted`, inside the adjustment's own transaction.
 */
export function createInterviewListsService(deps: InterviewListsDeps) {
  const { db, audit, crypto, now } = deps;

  /** (Re)computes every first-round list of the event while none is published. */
  async function computeLists(eventId: string, ctx: ChangeContext): Promise<ComputeSummary> {
    assertEventInScope(ctx.principal, 'interview_list.manage', eventId);
    return db.transaction(async (tx) => {
      // The event row lock serialises two computations of the same event.
      const event = await findEventById(tx, eventId, true);
      if (!event) throw new AppError('EVENT.NOT_FOUND');
      if (!(await scoresPublishedAt(tx, eventId)))
        throw new AppError('INTERVIEW_LIST.SCORES_NOT_PUBLISHED');
      const existing = await positionListsOf(tx, eventId);
      if (existing.some((p) => p.status === 'published'))
        throw new AppError('INTERVIEW_LIST.ALREADY_PUBLISHED');
      // One after the other: a transaction is one connection, and node-postgres deprecates
      // overlapping queries on a client (they would queue anyway).
      const positions = await selectionPositionsOf(tx, eventId);
      const applications = await approvedApplicationsOf(tx, eventId);
      const written = await writtenResultsOf(tx, eventId);
      const passLines = await passLinesOf(tx, eventId);
      const physicalTestFailed = await physicalTestFailuresOf(tx, eventId);
      const computed = computeFirstLists({
        policy: event.policy,
        positions,
        applications,
        written,
        passLines,
        physicalTestFailed,
      });
      const unitIds = computed.positions.map((p) => p.unitId);
      const units = await unitsByIdOf(tx, unitIds);
      const parents = await unitParentsOf(tx, unitIds);
      const positionsWithUnits = computed.positions.map((p) => ({
        ...p,
        unitName: units.get(p.unitId)?.name ?? '',
        unitParentId: parents.get(p.unitId) ?? null,
      }));
      await replaceFirstLists(
        tx,
        eventId,
        { positions: positionsWithUnits, entries: computed.entries },
        now(),
      );
      const summary = {
        positions: computed.positions.length,
        listed: computed.positions.reduce((n, p) => n + p.listed, 0),
        shortPositions: computed.positions.filter((p) => p.shortfall > 0).length,
      };
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'interview_list.computed',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: summary,
      });
      return summary;
    });
  }

  const views = createListViews({ db });
  const publication = createListPublication({ db, audit, now });
  const physicalTests = createPhysicalTestImport({ db, audit, crypto, now });
  return {
    computeLists,
    ...publication,
    views,
    exportLists: createListExport({ db, views }),
    importPhysicalTests: physicalTests.importResults,
    physicalTestSummary: physicalTests.summary,
    /**
     * Adjustment placements enter the lists in the caller's transaction, so a placement and its
     * approval commit together; the caller audits its own decision.
     */
    placeAdjusted: (tx: DbOrTx, eventId: string, placements: readonly AdjustedPlacement[]) =>
      insertPlacements(tx, eventId, placements, now()),
  };
}

export type InterviewListsService = ReturnType<typeof createInterviewListsService>;
