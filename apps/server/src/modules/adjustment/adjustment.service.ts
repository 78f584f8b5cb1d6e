import { assertEventInScope } from '../events';
import type { AdjustmentContext } from './adjustment-context';
import { createAdjustmentApply } from './adjustment-apply';
import { createAdjustmentExport } from './adjustment-export';
import { createPublicRound } from './adjustment-public';
import { createAdjustmentReview } from './adjustment-review';
import { createUnifiedEdits } from './adjustment-unified-edit';
import { createUnifiedRound } from './adjustment-unified';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';

export type AdjustmentDeps = AdjustmentContext;

/**
 * Adjustment 调剂 (§7, INT-02, INT-07): the public round (org publishes, candidates apply, units
 * review, the close places by written total) and the unified round (engine proposes, org edits
 * and confirms). One use case per file; this only assembles them.
 */
export function createAdjustmentService(deps: AdjustmentDeps) {
  // The unified round's view and event checks are shared by its edits and the exports.
  const publicRound = createPublicRound(deps);
  const unified = createUnifiedRound(deps);
  const edits = createUnifiedEdits(deps, unified);
  const exports = createAdjustmentExport(deps, unified);
  return {
    /** The org's overview of an event, in his scope. */
    overview(eventId: string, change: ChangeContext) {
      assertEventInScope(change.principal, 'adjustment.manage', eventId);
      return publicRound.overview(eventId);
    },
    publishPositions: publicRound.publishPositions,
    closePublic: publicRound.closePublic,
    ...createAdjustmentApply(deps),
    ...createAdjustmentReview(deps),
    /** The unified proposal of an event, in the caller's scope. */
    proposal(eventId: string, change: ChangeContext) {
      assertEventInScope(change.principal, 'adjustment.manage', eventId);
      return unified.view(eventId);
    },
    propose: unified.propose,
    ...edits,
    /** The proposal or the results as Excel, in the caller's scope. */
    async exportFile(eventId: string, kind: 'proposal' | 'results', change: ChangeContext) {
      assertEventInScope(change.principal, 'adjustment.manage', eventId);
      const result =
        kind === 'proposal' ? await exports.proposal(eventId) : await exports.results(eventId);
      // The workbook names candidates (ticket number, masked name): who took it is recorded.
      await deps.audit.record(deps.db, {
        ...auditBase(change),
        action: 'adjustment.exported',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { kind },
      });
      return result;
    },
  };
}

export type AdjustmentService = ReturnType<typeof createAdjustmentService>;
