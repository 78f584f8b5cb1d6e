import type { AdjustmentOverview, PublishAdjustmentPositions } from '@kaolu/contracts';
import { adjustPositions, type AdjustmentCandidate } from '@kaolu/domain';
import type { DbOrTx } from '../../db/client';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { assertEventInScope } from '../events';
import { positionListsOf, shortPositionsOf } from '../interview-lists';
import { selectionPositionsOf } from '../positions';
import { unitsByIdOf } from '../units';
import { loadAdjustableEvent, type AdjustmentContext } from './adjustment-context';
import { loadFacts, loadInputs } from './adjustment-inputs';
import { categoryLabel, subjectLabel, unitLabels } from './adjustment-labels';
import {
  deletePublishedPositions,
  ensureRound,
  findApplications,
  findPublishedPositions,
  findRound,
  updateApplication,
  updateRound,
  upsertPublishedPosition,
} from './adjustment.repository';

/**
 * The org department's side of the public round 公开调剂 (§7): which short positions are open to
 * it and with how many places, and its close, where the approved applicants are placed on the
 * lists by written total through the domain engine (ties at the last place all enter).
 */
export function createPublicRound(ctx: AdjustmentContext) {
  const { db, audit, lists, messages, now } = ctx;

  /** Short positions (list confirmed, below the ratio) and the published ones, with figures. */
  async function overview(tx: DbOrTx, eventId: string): Promise<AdjustmentOverview> {
    const event = await loadAdjustableEvent(db, eventId);
    const [short, selection, published, applications, round] = await Promise.all([
      shortPositionsOf(tx, eventId),
      selectionPositionsOf(tx, eventId),
      findPublishedPositions(tx, eventId),
      findApplications(tx, eventId),
      findRound(tx, eventId),
    ]);
    const byId = new Map(selection.map((p) => [p.id, p]));
    const places = new Map(published.map((p) => [p.positionId, p.places]));
    const shortfall = new Map(short.map((s) => [s.positionId, s.shortfall]));
    const ids = [...new Set([...short.map((s) => s.positionId), ...places.keys()])];
    const unitName = unitLabels(
      await unitsByIdOf(
        tx,
        ids.map((id) => byId.get(id)!.unitId),
      ),
    );
    // Figures per position and status; an event's applications are few enough to count in memory.
    const count = (positionId: string, status: string) =>
      applications.filter((a) => a.positionId === positionId && a.status === status).length;
    return {
      enabled: event.policy.adjustment.enabled,
      unifiedEnabled: event.policy.adjustment.unifiedRound,
      publicStatus: round?.publicStatus ?? null,
      unifiedStatus: round?.unifiedStatus ?? 'none',
      positions: ids
        .map((id) => byId.get(id)!)
        .map((p) => ({
          positionId: p.id,
          code: p.code,
          title: p.title,
          unitName: unitName(p.unitId),
          categoryName: categoryLabel(event.policy, p.examCategory ?? p.category),
          subjectName: subjectLabel(event.policy, p.examCategory ?? p.category, p.examSubject),
          shortfall: shortfall.get(p.id) ?? 0,
          acceptsAdjustment: p.acceptsAdjustment,
          published: places.has(p.id),
          places: places.get(p.id) ?? null,
          pending: count(p.id, 'pending'),
          approved: count(p.id, 'approved'),
          placed: count(p.id, 'placed'),
        }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  /**
   * Sets the event's adjustment positions as a whole (§7): each must be short on a confirmed list
   * and accept adjustment, its places at most the shortfall; every problem is reported at once and
   * nothing changes. A position somebody applied to cannot be taken back.
   */
  async function publishPositions(
    eventId: string,
    input: PublishAdjustmentPositions,
    change: ChangeContext,
  ): Promise<AdjustmentOverview> {
    assertEventInScope(change.principal, 'adjustment.manage', eventId);
    await loadAdjustableEvent(db, eventId);
    await db.transaction(async (tx) => {
      await ensureRound(tx, eventId, now());
      const round = (await findRound(tx, eventId, true))!;
      if (round.publicStatus === 'closed') throw new AppError('ADJUSTMENT.ROUND_CLOSED');
      const [short, selection, existing, applications] = await Promise.all([
        shortPositionsOf(tx, eventId),
        selectionPositionsOf(tx, eventId),
        findPublishedPositions(tx, eventId),
        findApplications(tx, eventId),
      ]);
      const shortfall = new Map(short.map((s) => [s.positionId, s.shortfall]));
      const byId = new Map(selection.map((p) => [p.id, p]));
      const problems: Array<{ field: string; message: string }> = [];
      const seen = new Set<string>();
      input.positions.forEach((item, i) => {
        const p = byId.get(item.positionId);
        const s = shortfall.get(item.positionId);
        const field = `positions[${i}]`;
        if (seen.has(item.positionId)) problems.push({ field, message: '同一职位重复提交' });
        else if (!p) problems.push({ field, message: '职位不存在或未发布' });
        else if (s === undefined)
          problems.push({
            field,
            message: `职位 ${p.code} 的面试名单未确认或已达到比例，无需调剂`,
          });
        else if (!p.acceptsAdjustment)
          problems.push({ field, message: `职位 ${p.code} 不接受调剂` });
        else if (item.places > s)
          problems.push({ field, message: `职位 ${p.code} 的调剂名额不能超过缺额 ${s}` });
        seen.add(item.positionId);
      });
      if (problems.length)
        throw new AppError('ADJUSTMENT.POSITIONS_INVALID', {
          message: `调剂职位不符合发布条件：${problems.map((p) => p.message).join('；')}`,
          details: { problems },
        });
      // A published position left out of the new set is taken back, unless someone applied to it.
      const removed = existing.filter((e) => !seen.has(e.positionId));
      const inUse = removed.filter((e) =>
        applications.some((a) => a.adjustmentPositionId === e.id),
      );
      if (inUse.length)
        throw new AppError('ADJUSTMENT.POSITION_IN_USE', {
          message: `职位 ${inUse.map((e) => byId.get(e.positionId)?.code).join('、')} 已有考生申请调剂，不能取消发布`,
        });
      for (const item of input.positions)
        await upsertPublishedPosition(
          tx,
          {
            eventId,
            positionId: item.positionId,
            unitId: byId.get(item.positionId)!.unitId,
            places: item.places,
          },
          now(),
        );
      await deletePublishedPositions(
        tx,
        removed.map((e) => e.id),
      );
      const codeOf = (id: string) => byId.get(id)?.code ?? id;
      await audit.record(tx, {
        ...auditBase(change),
        action: 'adjustment_positions.published',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: {
          from: existing.map((e) => ({ position: codeOf(e.positionId), places: e.places })),
          to: input.positions.map((e) => ({ position: codeOf(e.positionId), places: e.places })),
        },
      });
    });
    return overview(db, eventId);
  }

  /**
   * Closes the public round (§7): each published position takes its approved applicants by written
   * total up to its places (at most its current shortfall), ties with the last all entering, through
   * the domain engine; they go onto the lists in this transaction and are told by message and SMS.
   */
  async function closePublic(eventId: string, change: ChangeContext) {
    assertEventInScope(change.principal, 'adjustment.manage', eventId);
    const event = await loadAdjustableEvent(db, eventId);
    // The city platform is asked before the transaction: no lock waits on an outside call.
    const approvedBefore = await findApplications(db, eventId, ['approved']);
    const facts = await loadFacts(
      ctx,
      event,
      approvedBefore.map((a) => a.candidateId),
    );
    return db.transaction(async (tx) => {
      const round = await findRound(tx, eventId, true);
      if (!round) throw new AppError('ADJUSTMENT.NOT_PUBLISHED');
      if (round.publicStatus === 'closed') throw new AppError('ADJUSTMENT.ROUND_CLOSED');
      const [published, figures, open] = await Promise.all([
        findPublishedPositions(tx, eventId),
        positionListsOf(tx, eventId),
        findApplications(tx, eventId, ['pending', 'approved']),
      ]);
      // An approval that landed after the facts were read has none: the org retries the close.
      if (open.some((a) => a.status === 'approved' && !facts.has(a.candidateId)))
        throw new AppError('COMMON.CONFLICT');
      // Only the round's applicants take part: their rows, not the whole event's, are read.
      const inputs = await loadInputs(
        tx,
        event,
        facts,
        now(),
        open.map((a) => a.candidateId),
      );
      // Places offered are capped by what the list still misses now (placements move it).
      const listShortfall = new Map(figures.map((f) => [f.positionId, f.shortfall]));
      const positions = published.map((ap) => ({
        ...inputs.positions.get(ap.positionId)!.domain,
        shortfall: Math.min(ap.places, listShortfall.get(ap.positionId) ?? 0),
      }));
      const codeOf = new Map(
        published.map((ap) => [ap.id, inputs.positions.get(ap.positionId)!.code]),
      );
      const approved = open.filter(
        (a) => a.status === 'approved' && inputs.candidates.has(a.candidateId),
      );
      // acceptsUnified false: this run is the public round only; the unified one is the org's own step.
      const candidates: AdjustmentCandidate[] = approved.map((a) => ({
        ...inputs.candidates.get(a.candidateId)!,
        choice: codeOf.get(a.adjustmentPositionId)!,
        acceptsUnified: false,
      }));
      const outcome = adjustPositions({
        positions,
        candidates,
        policy: inputs.policy,
        meetsConditions: inputs.conditions,
      });
      // The inputs come from validated tables: a refusal is a broken invariant, not user input.
      if (!outcome.ok) throw new Error(outcome.reasons.map((r) => r.message).join('；'));
      const reasons = new Map(outcome.value.candidates.map((c) => [c.candidateId, c]));
      await lists.placeAdjusted(
        tx,
        eventId,
        outcome.value.placements.map((pl) => ({
          candidateId: pl.candidateId,
          positionId: inputs.byCode.get(pl.positionId)!.id,
          round: 'public' as const,
          writtenTotalCenti: inputs.candidates.get(pl.candidateId)!.writtenTotal,
          reason: reasons.get(pl.candidateId)!.reasons.join('；'),
        })),
      );
      // Every open application gets its outcome and the reason the candidate reads.
      const at = now();
      for (const a of open) {
        const result = reasons.get(a.candidateId);
        const placed = a.status === 'approved' && result?.positionId != null;
        const why = placed
          ? result!.reasons.join('；')
          : a.status === 'pending'
            ? '公开调剂结束前招录单位未审核该申请'
            : (result?.reasons.join('；') ?? '没有有效的笔试总成绩，不能参加调剂');
        await updateApplication(tx, a.id, {
          status: placed ? 'placed' : 'not_placed',
          reason: why,
          updatedAt: at,
        });
      }
      await updateRound(tx, eventId, { publicStatus: 'closed', publicClosedAt: at });
      const placedIds = outcome.value.placements.map((p) => p.candidateId);
      await messages.notify(tx, placedIds, {
        title: '公开调剂结果',
        body: '您的公开调剂申请已成功，已进入所申请职位的面试名单，请留意面试安排。',
        sms: '【上海公务员考录】您的公开调剂申请已成功，已进入面试名单，请登录报名网站查看。',
        purpose: 'adjustment_public_placed',
        actor: change.actor,
      });
      const summary = {
        placed: placedIds.length,
        notPlaced: open.length - placedIds.length,
        stillShort: outcome.value.positions.filter((p) => p.remainingShortfall > 0).length,
      };
      await audit.record(tx, {
        ...auditBase(change),
        action: 'adjustment_public.closed',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: summary,
      });
      return summary;
    });
  }

  return { overview: (eventId: string) => overview(db, eventId), publishPositions, closePublic };
}
