import type { UnifiedProposal } from '@kaolu/contracts';
import { adjustPositions, checkCandidateForAdjustment, formatCenti } from '@kaolu/domain';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventInScope, type EventRecord } from '../events';
import { shortPositionsOf } from '../interview-lists';
import { loadAdjustableEvent, type AdjustmentContext } from './adjustment-context';
import { loadFacts, loadInputs, type EngineInputs, type EnginePosition } from './adjustment-inputs';
import {
  ensureRound,
  findProposals,
  findPublishedPositions,
  findRound,
  replaceProposals,
  updateRound,
} from './adjustment.repository';
import type { DbOrTx } from '../../db/client';

/**
 * The unified adjustment 统一调剂 run by the org department (§7, INT-02): for positions still short
 * after the public round the engine proposes placements with each candidate's reasons; the org
 * moves or removes them by hand (validated by the same rules), then confirms — the placements go
 * onto the lists (round unified) and every placed candidate gets a message and an SMS.
 */
export function createUnifiedRound(ctx: AdjustmentContext) {
  const { db, audit, now } = ctx;

  /** Positions the unified round may fill: still short on a confirmed list and accepting adjustment. */
  async function shortOnes(tx: DbOrTx, inputs: EngineInputs) {
    const short = await shortPositionsOf(tx, inputs.event.id);
    return short
      .map((s) => ({ figures: s, position: inputs.positions.get(s.positionId) }))
      .filter((s): s is { figures: typeof s.figures; position: EnginePosition } =>
        Boolean(s.position?.acceptsAdjustment),
      )
      .sort((a, b) => a.position.code.localeCompare(b.position.code));
  }

  /** The event, adjustment and the unified round enabled, in the caller's scope. */
  async function loadEvent(eventId: string, change?: ChangeContext): Promise<EventRecord> {
    if (change) assertEventInScope(change.principal, 'adjustment.manage', eventId);
    const event = await loadAdjustableEvent(db, eventId);
    if (!event.policy.adjustment.unifiedRound) throw new AppError('ADJUSTMENT.UNIFIED_DISABLED');
    return event;
  }

  /** The proposal as the org reviews it: per position the shortfall and proposals, per candidate why. */
  async function view(eventId: string): Promise<UnifiedProposal> {
    const event = await loadEvent(eventId);
    const round = await findRound(db, eventId);
    const inputs = await loadInputs(db, event, new Map(), now());
    const rows = await findProposals(db, eventId);
    const short = await shortOnes(db, inputs);
    const proposed = (positionId: string) => rows.filter((r) => r.positionId === positionId).length;
    return {
      status: round?.unifiedStatus ?? 'none',
      positions: short.map(({ figures, position: p }) => ({
        positionId: p.id,
        code: p.code,
        title: p.title,
        unitName: p.unitName,
        shortfall: figures.shortfall,
        proposed: proposed(p.id),
      })),
      candidates: rows
        .map((r) => {
          const c = inputs.candidates.get(r.candidateId);
          const p = r.positionId ? inputs.positions.get(r.positionId) : undefined;
          return {
            candidateId: r.candidateId,
            ticketNumber: c?.ticketNumber ?? null,
            nameMasked: c?.nameMasked ?? '',
            categoryName: c?.category ?? '',
            subjectName: c?.subject ?? '',
            writtenTotal: formatCenti(r.writtenTotalCenti),
            positionId: p?.id ?? null,
            positionCode: p?.code ?? null,
            positionTitle: p?.title ?? null,
            source: r.source,
            reasons: r.reasons,
          };
        })
        .sort(
          (a, b) =>
            Number(b.positionId !== null) - Number(a.positionId !== null) ||
            b.writtenTotal.localeCompare(a.writtenTotal, undefined, { numeric: true }),
        ),
    };
  }

  /**
   * Runs the engine's unified round (§7): the pool is every candidate with a written total who is
   * on no list, reached his category's line and shares category and subject with a short position.
   */
  async function propose(eventId: string, change: ChangeContext): Promise<UnifiedProposal> {
    const event = await loadEvent(eventId, change);
    // A confirmed round is refused before the city platform is asked for anything.
    if ((await findRound(db, eventId))?.unifiedStatus === 'confirmed')
      throw new AppError('ADJUSTMENT.ALREADY_CONFIRMED');
    const preview = await loadInputs(db, event, new Map(), now());
    const short = await shortOnes(db, preview);
    // A candidate can only go where category and subject match, so the pool is cut to those buckets.
    const buckets = new Set(
      short.map((s) => `${s.position.domain.category}/${s.position.domain.subject}`),
    );
    const pool = [...preview.candidates.values()].filter(
      (c) =>
        !preview.adjusted.has(c.id) &&
        checkCandidateForAdjustment(c, preview.policy) === null &&
        buckets.has(`${c.category}/${c.subject}`),
    );
    // The city platform is asked before the transaction, for the pool only.
    const facts = await loadFacts(
      ctx,
      event,
      pool.map((c) => c.id),
    );
    await db.transaction(async (tx) => {
      await ensureRound(tx, eventId, now());
      const round = (await findRound(tx, eventId, true))!;
      // An event that published no public positions goes straight to the unified round.
      if (round.publicStatus === 'open' && (await findPublishedPositions(tx, eventId)).length > 0)
        throw new AppError('ADJUSTMENT.PUBLIC_ROUND_OPEN');
      if (round.unifiedStatus === 'confirmed') throw new AppError('ADJUSTMENT.ALREADY_CONFIRMED');
      const inputs = await loadInputs(tx, event, facts, now());
      const positions = (await shortOnes(tx, inputs)).map((s) => ({
        ...s.position.domain,
        shortfall: s.figures.shortfall,
      }));
      // Re-read inside the transaction: the pool's figures as they stand at this moment.
      const candidates = pool.flatMap((c) =>
        inputs.adjusted.has(c.id) ? [] : (inputs.candidates.get(c.id) ?? []),
      );
      const outcome = adjustPositions({
        positions,
        candidates,
        policy: inputs.policy,
        meetsConditions: inputs.conditions,
      });
      if (!outcome.ok) throw new Error(outcome.reasons.map((r) => r.message).join('；'));
      const at = now();
      // The whole pool is stored, the unplaced with their reasons, so the org sees why as well.
      await replaceProposals(
        tx,
        eventId,
        outcome.value.candidates.map((c) => ({
          candidateId: c.candidateId,
          positionId: c.positionId ? inputs.byCode.get(c.positionId)!.id : null,
          writtenTotalCenti: inputs.candidates.get(c.candidateId)!.writtenTotal,
          source: 'engine' as const,
          reasons: c.reasons,
          updatedAt: at,
        })),
      );
      await updateRound(tx, eventId, {
        publicStatus: 'closed',
        unifiedStatus: 'proposed',
        unifiedProposedAt: at,
      });
      await audit.record(tx, {
        ...auditBase(change),
        action: 'adjustment_unified.proposed',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { pool: candidates.length, proposed: outcome.value.placements.length },
      });
    });
    return view(eventId);
  }

  return { view, propose, loadEvent, shortOnes };
}

export type UnifiedRound = ReturnType<typeof createUnifiedRound>;
