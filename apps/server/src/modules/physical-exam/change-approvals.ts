import type { PhysicalExamChange } from '@kaolu/contracts';
import type { Principal } from '../../platform/auth/access';
import { scopeOf } from '../../platform/auth/permission-scope';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { ticketNumbersOf } from '../tickets';
import { setOrderOutcome, setSubmissionStatus } from './hospital-exchange.repository';
import { roundViews } from './physical-exam-views';
import { actorName, type PhysicalExamDeps } from './physical-exam.service';
import {
  decideChange,
  findChange,
  findChanges,
  findEntry,
  findRound,
  historyOf,
  recordOutcome,
} from './physical-exam.repository';

const MANAGE = 'physical_exam.manage' as const;

/**
 * The org's approval of hospitals' change requests (INT-09g): the result changes only on approval,
 * the old and new values stay in the round's history, and the decision is written back to the
 * exchange store for the hospital to read.
 */
export function createChangeApprovals(deps: PhysicalExamDeps) {
  const { db, audit, now } = deps;

  // Change approval is city-wide: only a grant without unit or event limits reaches it.
  function assertManager(principal: Principal | undefined) {
    if (!scopeOf(principal, MANAGE).all)
      throw new AppError('COMMON.FORBIDDEN', { message: '只有市委组织部可以审批体检结果变更' });
  }

  async function list(principal: Principal | undefined): Promise<PhysicalExamChange[]> {
    assertManager(principal);
    const changes = await findChanges(db);
    const rounds = await Promise.all(changes.map((c) => findRound(db, c.roundId)));
    const entries = await Promise.all(rounds.map((r) => findEntry(db, r!.entryId)));
    const views = await roundViews(
      db,
      rounds.map((r) => r!),
    );
    const people = new Map(
      (
        await findCandidatesByIds(
          db,
          entries.map((e) => e!.candidateId),
        )
      ).map((p) => [p.id, p]),
    );
    // Tickets are per event; a page mixes events only rarely, so one look-up per event.
    const tickets = new Map<string, string>();
    for (const eventId of new Set(entries.map((e) => e!.eventId)))
      for (const [c, t] of await ticketNumbersOf(db, eventId)) tickets.set(`${eventId}:${c}`, t);
    // The value before the change: the history entry just before the approval, or the current one.
    const history = await historyOf(
      db,
      changes.map((c) => c.roundId),
    );
    return changes.map((c, i) => {
      const round = rounds[i]!;
      const entry = entries[i]!;
      const own = history.filter((h) => h.roundId === c.roundId);
      const applied = own.findIndex((h) => h.changeId === c.id);
      const before = applied > 0 ? own[applied - 1] : applied === 0 ? undefined : round;
      return {
        id: c.id,
        ticketNumber: tickets.get(`${entry.eventId}:${entry.candidateId}`) ?? '',
        candidateNameMasked: maskName(people.get(entry.candidateId)?.name ?? ''),
        hospitalName: views.hospitalName(round.hospitalId),
        round: round.round,
        from:
          before && before.result
            ? { result: before.result, items: before.items, remarks: before.remarks }
            : null,
        to: { result: c.result, items: c.items, remarks: c.remarks },
        reason: c.reason,
        requestedAt: c.requestedAt.toISOString(),
        requestedBy: c.requestedBy,
        status: c.status,
        decidedAt: c.decidedAt?.toISOString() ?? null,
        decidedBy: c.decidedBy,
        note: c.note,
      };
    });
  }

  /** Approves (the result changes, with history) or rejects (nothing changes) a pending request. */
  async function decide(
    id: string,
    decision: { approve: boolean; note: string },
    ctx: ChangeContext,
  ) {
    assertManager(ctx.principal);
    return db.transaction(async (tx) => {
      const change = await findChange(tx, id, true);
      if (!change) throw new AppError('PHYSICAL_EXAM.CHANGE_NOT_FOUND');
      if (change.status !== 'pending') throw new AppError('PHYSICAL_EXAM.CHANGE_DECIDED');
      const round = (await findRound(tx, change.roundId, true))!;
      const at = now();
      const status = decision.approve ? ('approved' as const) : ('rejected' as const);
      const by = actorName(ctx);
      await decideChange(tx, id, { status, at, by, note: decision.note });
      const outcome = { result: change.result, items: change.items, remarks: change.remarks };
      if (decision.approve) {
        await recordOutcome(tx, round.id, outcome, {
          at,
          by,
          source: 'change_approved',
          changeId: id,
        });
        await setOrderOutcome(tx, round.id, outcome, at);
      }
      await setSubmissionStatus(tx, change.submissionId, status, decision.note || null, at);
      await audit.record(tx, {
        ...auditBase(ctx),
        action: decision.approve
          ? 'physical_exam.change_approved'
          : 'physical_exam.change_rejected',
        targetType: 'physical_exam_round',
        targetId: round.id,
        result: 'success',
        details: { changeId: id, from: round.result, to: change.result },
      });
      return { status };
    });
  }

  return { list, decide };
}
