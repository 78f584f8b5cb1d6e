import type { AdjustmentDecision, AdjustmentReviewItem } from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeCondition, scopeOf } from '../../platform/auth/permission-scope';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { findEventById } from '../events';
import { selectionPositionsOf } from '../positions';
import { confirmedRegistrationsOf } from '../registrations';
import { ticketNumbersOfRegistrations } from '../tickets';
import type { AdjustmentContext } from './adjustment-context';
import {
  findApplicationById,
  findApplicationsWhere,
  findRound,
  updateApplication,
  type ApplicationRow,
} from './adjustment.repository';
import { adjustmentApplication } from './adjustment.table';

/**
 * The unit's review of adjustment applications for its positions (§7): a queue limited to the
 * reviewer's units, and 同意 / 不同意 with a reason. An approval locks the application: the
 * candidate can no longer change or withdraw it.
 */
export function createAdjustmentReview(ctx: AdjustmentContext) {
  const { db, audit, messages, now } = ctx;

  /** Rows as the reviewer reads them: ticket number and masked name, position code and title. */
  async function present(rows: ApplicationRow[]): Promise<AdjustmentReviewItem[]> {
    const eventIds = [...new Set(rows.map((r) => r.eventId))];
    const positions = new Map<string, { code: string; title: string }>();
    const tickets = new Map<string, string>();
    const events = new Map<string, string>();
    // A page holds few events: their positions, tickets and names are read once per event.
    for (const eventId of eventIds) {
      // Only this page's candidates: their registrations, then those registrations' tickets.
      const ids = rows.filter((r) => r.eventId === eventId).map((r) => r.candidateId);
      const [selection, registrations, event] = await Promise.all([
        selectionPositionsOf(db, eventId),
        confirmedRegistrationsOf(db, eventId, ids),
        findEventById(db, eventId),
      ]);
      const numbers = await ticketNumbersOfRegistrations(
        db,
        registrations.map((r) => r.registrationId),
      );
      for (const p of selection) positions.set(p.id, p);
      for (const r of registrations) {
        const n = numbers.get(r.registrationId);
        if (n) tickets.set(`${eventId}/${r.candidateId}`, n);
      }
      events.set(eventId, event?.name ?? '');
    }
    const names = new Map(
      (
        await findCandidatesByIds(
          db,
          rows.map((r) => r.candidateId),
        )
      ).map((c) => [c.id, c.name]),
    );
    return rows.map((r) => ({
      id: r.id,
      eventName: events.get(r.eventId) ?? '',
      positionCode: positions.get(r.positionId)?.code ?? '',
      positionTitle: positions.get(r.positionId)?.title ?? '',
      ticketNumber: tickets.get(`${r.eventId}/${r.candidateId}`) ?? null,
      nameMasked: maskName(names.get(r.candidateId) ?? ''),
      writtenTotal: r.writtenTotalCenti === null ? null : formatCenti(r.writtenTotalCenti),
      status: r.status,
      reason: r.reason,
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  /** The queue: a unit user sees only the applications for his units' positions. */
  async function queue(
    principal: Principal | undefined,
    filter: { eventId?: string; status?: ApplicationRow['status']; page: number; pageSize: number },
  ) {
    const scope = scopeCondition(scopeOf(principal, 'adjustment.review'), {
      unitId: adjustmentApplication.unitId,
      eventId: adjustmentApplication.eventId,
    });
    const { rows, total } = await findApplicationsWhere(db, scope, filter);
    return { items: await present(rows), total };
  }

  /** 同意 or 不同意 one pending application; out of scope reads as not found (nothing disclosed). */
  async function decide(id: string, decision: AdjustmentDecision, change: ChangeContext) {
    const scope = scopeOf(change.principal, 'adjustment.review');
    const result = await db.transaction(async (tx) => {
      const row = await findApplicationById(tx, id);
      if (!row || !scopeAllows(scope, { unitId: row.unitId, eventId: row.eventId }))
        throw new AppError('ADJUSTMENT.APPLICATION_NOT_FOUND');
      const round = await findRound(tx, row.eventId, true);
      if (round?.publicStatus !== 'open') throw new AppError('ADJUSTMENT.ROUND_CLOSED');
      if (row.status !== 'pending') throw new AppError('ADJUSTMENT.ALREADY_DECIDED');
      // The reason is the unit's own text for a refusal; an approval needs none.
      const to = decision.outcome === 'approve' ? 'approved' : 'rejected';
      const reason = decision.outcome === 'reject' ? decision.reason!.trim() : null;
      await updateApplication(tx, id, {
        status: to,
        reason,
        decidedAt: now(),
        decidedBy: change.actor.kind === 'staff' ? change.actor.username : 'system',
        updatedAt: now(),
      });
      // A refusal tells the candidate he may apply to another adjustment position (§7).
      await messages.notify(tx, [row.candidateId], {
        title: `调剂申请审核结果：${to === 'approved' ? '同意' : '不同意'}`,
        body:
          to === 'approved'
            ? '招录单位已同意您的调剂申请，公开调剂结束后按笔试成绩确定进入面试人选。'
            : `招录单位未同意您的调剂申请（${reason}），您可以在公开调剂结束前申请其他调剂职位。`,
        sms: '【上海公务员考录】您的调剂申请已有审核结果，请登录报名网站查看。',
        purpose: 'adjustment_reviewed',
        actor: change.actor,
      });
      await audit.record(tx, {
        ...auditBase(change),
        action: 'adjustment_application.reviewed',
        targetType: 'adjustment_application',
        targetId: id,
        result: 'success',
        details: { from: 'pending', to, reason },
      });
      return (await findApplicationById(tx, id))!;
    });
    return (await present([result]))[0]!;
  }

  return { queue, decide };
}
