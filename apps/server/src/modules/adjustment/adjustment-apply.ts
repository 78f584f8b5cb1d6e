import type { CandidateAdjustmentEvent, MyAdjustmentApplication } from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { findEventById, type EventRecord } from '../events';
import { findCandidateRegistrations } from '../registrations';
import { whyNot, loadAdjustableEvent, type AdjustmentContext } from './adjustment-context';
import { loadFacts, loadInputs, type EngineInputs } from './adjustment-inputs';
import {
  findOwnApplication,
  findPublishedPositions,
  findRound,
  saveApplication,
  updateApplication,
  type AdjustmentPositionRow,
  type ApplicationRow,
} from './adjustment.repository';

/** Applications are taken while the public round is open only. */
function assertOpen(round: { publicStatus: string } | undefined): void {
  if (!round) throw new AppError('ADJUSTMENT.NOT_PUBLISHED');
  if (round.publicStatus === 'closed') throw new AppError('ADJUSTMENT.ROUND_CLOSED');
}

/**
 * The candidate's side of the public round (§7): the published adjustment positions with whether
 * each is open to him and why not, and his one application — submitted, changed or withdrawn
 * until the unit approves it, every rule judged by the domain engine before anything is saved.
 */
export function createAdjustmentApply(ctx: AdjustmentContext) {
  const { db, audit, now } = ctx;

  /** The engine inputs with this candidate's facts (frozen profile, city platform). */
  async function inputsFor(event: EventRecord, candidateId: string) {
    const facts = await loadFacts(ctx, event, [candidateId]);
    return loadInputs(db, event, facts, now(), [candidateId]);
  }

  function present(
    inputs: EngineInputs,
    published: AdjustmentPositionRow[],
    row: ApplicationRow | undefined,
  ): MyAdjustmentApplication | null {
    if (!row) return null;
    const p = inputs.positions.get(row.positionId)!;
    const ap = published.find((x) => x.id === row.adjustmentPositionId);
    return {
      id: row.id,
      adjustmentPositionId: ap?.id ?? row.adjustmentPositionId,
      code: p.code,
      title: p.title,
      unitName: p.unitName,
      status: row.status,
      reason: row.reason,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** Every event the candidate registered for whose adjustment positions are published. */
  async function view(candidateId: string): Promise<{ items: CandidateAdjustmentEvent[] }> {
    // Only events he sat the exam for (confirmed registration) can have adjustment for him.
    const registrations = (await findCandidateRegistrations(db, candidateId)).filter(
      (r) => r.status === 'confirmed',
    );
    const items: CandidateAdjustmentEvent[] = [];
    for (const r of registrations) {
      const round = await findRound(db, r.eventId);
      const event = await findEventById(db, r.eventId);
      if (!round || !event?.policy.adjustment.enabled) continue;
      const inputs = await inputsFor(event, candidateId);
      const published = await findPublishedPositions(db, r.eventId);
      const own = await findOwnApplication(db, r.eventId, candidateId, false);
      const me = inputs.candidates.get(candidateId);
      items.push({
        eventId: r.eventId,
        eventName: r.eventName,
        publicStatus: round.publicStatus,
        writtenTotal: me ? formatCenti(me.writtenTotal) : null,
        application: present(inputs, published, own),
        positions: published
          .map((ap) => {
            const p = inputs.positions.get(ap.positionId)!;
            const reason =
              round.publicStatus === 'closed'
                ? '公开调剂已结束'
                : whyNot(inputs, candidateId, ap.positionId);
            return {
              adjustmentPositionId: ap.id,
              code: p.code,
              title: p.title,
              unitName: p.unitName,
              places: ap.places,
              open: reason === null,
              reason,
            };
          })
          // Open positions first: those are what he can act on; the others say why not.
          .sort((a, b) => Number(b.open) - Number(a.open) || a.code.localeCompare(b.code)),
      });
    }
    return { items };
  }

  /**
   * Applies for one adjustment position, or changes to another (§7: one at a time, changeable until
   * the unit approves). The rules are judged before the transaction; inside it the application is
   * locked, so an approval that lands meanwhile wins and the change is refused.
   */
  async function apply(
    candidateId: string,
    input: { eventId: string; adjustmentPositionId: string },
    change: ChangeContext,
  ): Promise<MyAdjustmentApplication> {
    const event = await loadAdjustableEvent(db, input.eventId);
    // The round's state answers first: after the close no rule matters any more.
    assertOpen(await findRound(db, input.eventId));
    const published = await findPublishedPositions(db, input.eventId);
    const target = published.find((p) => p.id === input.adjustmentPositionId);
    if (!target) throw new AppError('ADJUSTMENT.POSITION_NOT_FOUND');
    const inputs = await inputsFor(event, candidateId);
    const why = whyNot(inputs, candidateId, target.positionId);
    if (why)
      throw new AppError('ADJUSTMENT.NOT_ELIGIBLE', { message: `不能申请该调剂职位：${why}` });
    return db.transaction(async (tx) => {
      assertOpen(await findRound(tx, input.eventId, true));
      // Approved (or already decided by the close) is final: no change any more (§7).
      const before = await findOwnApplication(tx, input.eventId, candidateId);
      if (before && ['approved', 'placed', 'not_placed'].includes(before.status))
        throw new AppError('ADJUSTMENT.LOCKED');
      const at = now();
      const id = await saveApplication(tx, {
        eventId: input.eventId,
        candidateId,
        adjustmentPositionId: target.id,
        positionId: target.positionId,
        unitId: target.unitId,
        status: 'pending',
        writtenTotalCenti: inputs.candidates.get(candidateId)!.writtenTotal,
        reason: null,
        updatedAt: at,
      });
      const codeOf = (positionId: string) => inputs.positions.get(positionId)?.code ?? positionId;
      await audit.record(tx, {
        ...auditBase(change),
        action: before ? 'adjustment_application.changed' : 'adjustment_application.submitted',
        targetType: 'adjustment_application',
        targetId: id,
        result: 'success',
        details: {
          eventId: input.eventId,
          from: before ? { position: codeOf(before.positionId), status: before.status } : null,
          to: { position: codeOf(target.positionId), status: 'pending' },
        },
      });
      const row = await findOwnApplication(tx, input.eventId, candidateId);
      return present(inputs, published, row)!;
    });
  }

  /** Withdraws the application while the unit has not approved it. */
  async function withdraw(candidateId: string, eventId: string, change: ChangeContext) {
    await db.transaction(async (tx) => {
      const round = await findRound(tx, eventId, true);
      if (round?.publicStatus === 'closed') throw new AppError('ADJUSTMENT.ROUND_CLOSED');
      const before = await findOwnApplication(tx, eventId, candidateId);
      if (!before || before.status === 'withdrawn')
        throw new AppError('ADJUSTMENT.APPLICATION_NOT_FOUND');
      if (!['pending', 'rejected'].includes(before.status)) throw new AppError('ADJUSTMENT.LOCKED');
      await updateApplication(tx, before.id, { status: 'withdrawn', updatedAt: now() });
      await audit.record(tx, {
        ...auditBase(change),
        action: 'adjustment_application.withdrawn',
        targetType: 'adjustment_application',
        targetId: before.id,
        result: 'success',
        details: { eventId, from: before.status, to: 'withdrawn' },
      });
    });
  }

  return { view, apply, withdraw };
}
