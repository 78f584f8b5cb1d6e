import { formatCenti } from '@kaolu/domain';
import type { DbOrTx } from '../../db/client';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { whyNot, type AdjustmentContext } from './adjustment-context';
import { loadFacts, loadInputs } from './adjustment-inputs';
import type { UnifiedRound } from './adjustment-unified';
import {
  findProposals,
  findRound,
  updateProposal,
  updateRound,
  type ProposalRow,
} from './adjustment.repository';

/**
 * Hand edits and the confirmation of the unified proposal (§7): a move is judged by the same
 * domain rules as the engine's placements and may not exceed the position's shortfall; the
 * confirmation puts every placement onto the lists and tells each placed candidate by SMS.
 */
export function createUnifiedEdits(ctx: AdjustmentContext, unified: UnifiedRound) {
  const { db, audit, lists, messages, now } = ctx;

  /** The proposal row of a candidate while the proposal is open, locked for the change. */
  async function openProposal(tx: DbOrTx, eventId: string, candidateId: string) {
    const round = await findRound(tx, eventId, true);
    if (!round || round.unifiedStatus === 'none') throw new AppError('ADJUSTMENT.NO_PROPOSAL');
    if (round.unifiedStatus === 'confirmed') throw new AppError('ADJUSTMENT.ALREADY_CONFIRMED');
    const rows = await findProposals(tx, eventId);
    const row = rows.find((r) => r.candidateId === candidateId);
    if (!row) throw new AppError('ADJUSTMENT.NOT_IN_POOL');
    return { row, rows };
  }

  /** Moves (or adds) a candidate's placement to a short position, if every rule allows it. */
  async function move(
    eventId: string,
    candidateId: string,
    positionId: string,
    change: ChangeContext,
  ) {
    const event = await unified.loadEvent(eventId, change);
    // The city platform is asked before the transaction, for this one candidate only.
    const facts = await loadFacts(ctx, event, [candidateId]);
    await db.transaction(async (tx) => {
      const { row, rows } = await openProposal(tx, eventId, candidateId);
      const inputs = await loadInputs(tx, event, facts, now(), [candidateId]);
      const target = (await unified.shortOnes(tx, inputs)).find(
        (s) => s.position.id === positionId,
      );
      if (!target)
        throw new AppError('ADJUSTMENT.NOT_ELIGIBLE', {
          message: '该职位不在统一调剂范围内（面试名单未确认、已达到比例或不接受调剂）',
        });
      const why = whyNot(inputs, candidateId, positionId);
      if (why)
        throw new AppError('ADJUSTMENT.NOT_ELIGIBLE', { message: `不能调剂至该职位：${why}` });
      // Ties may have put more than the shortfall on a position; a hand move may not add to that.
      const taken = rows.filter(
        (r) => r.positionId === positionId && r.candidateId !== candidateId,
      );
      if (taken.length >= target.figures.shortfall) throw new AppError('ADJUSTMENT.NO_PLACES');
      const code = target.position.code;
      await save(
        tx,
        eventId,
        row,
        positionId,
        [`组织部门调整：按笔试成绩 ${formatCenti(row.writtenTotalCenti)} 调剂至职位 ${code}`],
        change,
        inputs.positions.get(row.positionId ?? '')?.code ?? null,
        code,
      );
    });
    return unified.view(eventId);
  }

  /** Removes a candidate's placement from the proposal. */
  async function remove(eventId: string, candidateId: string, change: ChangeContext) {
    const event = await unified.loadEvent(eventId, change);
    await db.transaction(async (tx) => {
      const { row } = await openProposal(tx, eventId, candidateId);
      const inputs = await loadInputs(tx, event, new Map(), now());
      const from = inputs.positions.get(row.positionId ?? '')?.code ?? null;
      await save(
        tx,
        eventId,
        row,
        null,
        ['组织部门取消了该考生的统一调剂安排'],
        change,
        from,
        null,
      );
    });
    return unified.view(eventId);
  }

  /** Writes one hand edit and its audit entry (who moved whom from which position to which). */
  async function save(
    tx: DbOrTx,
    eventId: string,
    row: ProposalRow,
    positionId: string | null,
    reasons: string[],
    change: ChangeContext,
    from: string | null,
    to: string | null,
  ) {
    await updateProposal(tx, eventId, row.candidateId, {
      positionId,
      source: 'manual',
      reasons,
      updatedAt: now(),
    });
    await audit.record(tx, {
      ...auditBase(change),
      action: 'adjustment_unified.edited',
      targetType: 'recruitment_event',
      targetId: eventId,
      result: 'success',
      details: { candidateId: row.candidateId, from, to },
    });
  }

  /** Confirms the proposal: placements onto the lists (round unified), message and SMS to each. */
  async function confirm(eventId: string, change: ChangeContext) {
    await unified.loadEvent(eventId, change);
    return db.transaction(async (tx) => {
      const round = await findRound(tx, eventId, true);
      if (!round || round.unifiedStatus === 'none') throw new AppError('ADJUSTMENT.NO_PROPOSAL');
      if (round.unifiedStatus === 'confirmed') throw new AppError('ADJUSTMENT.ALREADY_CONFIRMED');
      // Only rows with a position are placements; the others keep their reasons for the export.
      const placed = (await findProposals(tx, eventId)).filter((r) => r.positionId !== null);
      await lists.placeAdjusted(
        tx,
        eventId,
        placed.map((r) => ({
          candidateId: r.candidateId,
          positionId: r.positionId!,
          round: 'unified' as const,
          writtenTotalCenti: r.writtenTotalCenti,
          reason: r.reasons.join('；'),
        })),
      );
      // Message and SMS are queued in this transaction: a rollback sends nothing (SMS after commit).
      const ids = placed.map((r) => r.candidateId);
      await messages.notify(tx, ids, {
        title: '统一调剂结果',
        body: '您已通过统一调剂进入职位面试名单，请登录报名网站查看职位和面试安排。',
        sms: '【上海公务员考录】您已通过统一调剂进入面试名单，请登录报名网站查看。',
        purpose: 'adjustment_unified_placed',
        actor: change.actor,
      });
      await updateRound(tx, eventId, { unifiedStatus: 'confirmed', unifiedConfirmedAt: now() });
      await audit.record(tx, {
        ...auditBase(change),
        action: 'adjustment_unified.confirmed',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { placed: ids.length },
      });
      return { placed: ids.length, notified: ids.length };
    });
  }

  return { move, remove, confirm };
}
