import {
  PROBLEM_STATUS_LABELS,
  PROBLEM_TYPE_LABELS,
  type ProblemDecision,
  type ProblemQuery,
  type ProblemHandler,
  type StaffProblem,
} from '@kaolu/contracts';
import type { Tx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { findStaffWithRoles } from '../identity';
import { createProblemEffects } from './problem-effects';
import type { ProblemsContext } from './problem-context';
import { assertProblemTransition, DECISIONS_WITH_REPLY } from './problem-rules';
import { handlerRolesOf, problemScopeOf, scopeCovers } from './problem-scope';
import { lookupsFor, toStaffProblem, toStaffSummary } from './problems.presenter';
import {
  countStats,
  findEntries,
  findQueue,
  getCase,
  insertEntry,
  updateCase,
  type CaseRow,
} from './problems.repository';

/**
 * The staff side of the problem center (ONL-01b–e): queue, case, decisions with replies (one SMS
 * each, ONL-01g), internal notes, claiming, statistics. Every change locks the case row first, so
 * concurrent decisions are serialised and the loser finds the case already moved.
 */
export function createProblemStaff(deps: ProblemsContext) {
  const { db, audit, files, messages, now } = deps;
  const effects = createProblemEffects(deps);

  /** The case if the caller answers for its queue, locked when a change follows. */
  async function visibleCase(tx: Tx | typeof db, principal: Principal, id: string, lock = false) {
    const row = await getCase(tx, id, lock);
    if (!scopeCovers(problemScopeOf(principal), row)) throw new AppError('PROBLEM.NOT_FOUND');
    return row;
  }

  /** One page of the caller's queues with the overdue mark computed from the injected clock. */
  async function queue(principal: Principal, q: ProblemQuery) {
    const at = now();
    const { rows, total } = await findQueue(
      db,
      { ...filterOf(principal, q), now: at },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const lookups = await lookupsFor(db, files, rows);
    return { items: rows.map((r) => toStaffSummary(r, lookups, at)), total };
  }

  /** The queue filters of a request: the caller's scope always, "mine" as his own user id. */
  function filterOf(principal: Principal, q: Omit<ProblemQuery, 'page' | 'pageSize'>) {
    return {
      scope: problemScopeOf(principal),
      type: q.type,
      status: q.status,
      role: q.role,
      overdue: q.overdue,
      assigneeId: q.mine ? principal.id : undefined,
      q: q.q,
    };
  }

  /** One case of the caller's queues with its full history. */
  async function get(principal: Principal, id: string): Promise<StaffProblem> {
    const row = await visibleCase(db, principal, id);
    const entries = await findEntries(db, id);
    return toStaffProblem(row, entries, await lookupsFor(db, files, [row], entries), now());
  }

  /** Appends a staff reply and tells the candidate: portal message now, exactly one SMS after commit. */
  async function replyIn(tx: Tx, row: CaseRow, body: string, ctx: ChangeContext, at: Date) {
    await insertEntry(tx, {
      caseId: row.id,
      kind: 'reply',
      actorKind: 'staff',
      actorId: ctx.actor.kind === 'staff' ? ctx.actor.id : null,
      body,
      at,
    });
    // Time to answer (statistics) counts to the first reply only.
    if (!row.firstAnsweredAt) await updateCase(tx, row.id, { firstAnsweredAt: at });
    await messages.notify(tx, [row.candidateId], {
      title: `您的${PROBLEM_TYPE_LABELS[row.type]}有新答复`,
      body,
      sms: `【上海考录】您提交的${PROBLEM_TYPE_LABELS[row.type]}（编号${row.caseNumber}）有新答复，请登录考录网“问题中心”查看。`,
      purpose: 'problem_reply',
      actor: ctx.actor,
    });
  }

  /**
   * Moves a case along the status flow; approved / rejected / more info needed and a close before
   * a decision need a reply the candidate reads. Approval applies its effect in the same transaction.
   */
  async function decide(
    principal: Principal,
    id: string,
    input: ProblemDecision,
    ctx: ChangeContext,
  ): Promise<StaffProblem> {
    await db.transaction(async (tx) => {
      // Locked first, then checked: of two concurrent decisions the second sees the first's status.
      const row = await visibleCase(tx, principal, id, true);
      assertProblemTransition(row.status, input.status);
      const needsReply =
        DECISIONS_WITH_REPLY.includes(input.status) || (input.status === 'closed' && !row.decision);
      if (needsReply && !input.reply) throw new AppError('PROBLEM.REPLY_REQUIRED');
      const at = now();
      const decided = input.status === 'approved' || input.status === 'rejected';
      await updateCase(tx, id, {
        status: input.status,
        updatedAt: at,
        // Accepting an unassigned case makes the caller its handler.
        ...(input.status === 'in_review' && !row.assigneeId ? { assigneeId: principal.id } : {}),
        ...(decided ? { decision: input.status as 'approved' | 'rejected', decidedAt: at } : {}),
        ...(input.status === 'closed' ? { closedAt: at } : {}),
      });
      await insertEntry(tx, {
        caseId: id,
        kind: 'status_changed',
        actorKind: 'staff',
        actorId: principal.id,
        fromStatus: row.status,
        toStatus: input.status,
        body: `${PROBLEM_STATUS_LABELS[row.status]} → ${PROBLEM_STATUS_LABELS[input.status]}`,
        at,
      });
      if (input.reply) await replyIn(tx, row, input.reply, ctx, at);
      // The effect commits with the approval; if it fails (e.g. no registration), nothing changes.
      let effect: Record<string, unknown> | undefined;
      if (input.status === 'approved') {
        const applied = await effects.apply(tx, row, ctx.actor);
        effect = applied.details;
        await insertEntry(tx, {
          caseId: id,
          kind: 'effect',
          actorKind: 'system',
          body: applied.body,
          details: applied.details,
          at,
        });
      }
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.status_changed',
        targetType: 'problem_case',
        targetId: id,
        result: 'success',
        details: { from: row.status, to: input.status, replied: !!input.reply, effect },
      });
    });
    return get(principal, id);
  }

  /** A reply without a status change (e.g. a question answered while the case stays in review). */
  async function reply(principal: Principal, id: string, body: string, ctx: ChangeContext) {
    await db.transaction(async (tx) => {
      const row = await visibleCase(tx, principal, id, true);
      if (row.status === 'closed')
        throw new AppError('PROBLEM.INVALID_TRANSITION', { message: '问题已关闭，不能再答复' });
      const at = now();
      await replyIn(tx, row, body, ctx, at);
      await updateCase(tx, id, { updatedAt: at });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.replied',
        targetType: 'problem_case',
        targetId: id,
        result: 'success',
      });
    });
    return get(principal, id);
  }

  /** An internal note: kept in the history, never shown to the candidate, no SMS. */
  async function note(principal: Principal, id: string, body: string, ctx: ChangeContext) {
    await db.transaction(async (tx) => {
      await visibleCase(tx, principal, id, true);
      await insertEntry(tx, {
        caseId: id,
        kind: 'internal_note',
        actorKind: 'staff',
        actorId: principal.id,
        body,
        at: now(),
      });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.noted',
        targetType: 'problem_case',
        targetId: id,
        result: 'success',
      });
    });
    return get(principal, id);
  }

  /**
   * Who may handle a case: the holders of its department's role (and the org for support's) whose
   * grant reaches the case's event.
   */
  async function handlersOf(principal: Principal, id: string): Promise<ProblemHandler[]> {
    const row = await visibleCase(db, principal, id);
    const users = await findStaffWithRoles(db, handlerRolesOf(row.responsibleRole), {
      forEventId: row.eventId,
    });
    return users.map((u) => ({ id: u.id, name: `${u.displayName}（${u.username}）` }));
  }

  /**
   * Assigns the case to a handler of its department (the caller himself when claiming); recorded
   * in the history and the audit log. Anyone outside the department is refused.
   */
  async function assign(principal: Principal, id: string, assigneeId: string, ctx: ChangeContext) {
    const handlers = await handlersOf(principal, id);
    const assignee = handlers.find((h) => h.id === assigneeId);
    if (!assignee)
      throw new AppError('COMMON.VALIDATION_FAILED', { message: '该用户不能处理此类问题' });
    await db.transaction(async (tx) => {
      const row = await visibleCase(tx, principal, id, true);
      if (row.status === 'closed')
        throw new AppError('PROBLEM.INVALID_TRANSITION', { message: '问题已关闭，不能再分配' });
      const at = now();
      await updateCase(tx, id, { assigneeId, updatedAt: at });
      await insertEntry(tx, {
        caseId: id,
        kind: 'assigned',
        actorKind: 'staff',
        actorId: principal.id,
        body: assigneeId === principal.id ? '认领为处理人' : `分配给 ${assignee.name}`,
        at,
      });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'problem.assigned',
        targetType: 'problem_case',
        targetId: id,
        result: 'success',
        details: { from: row.assigneeId, to: assigneeId },
      });
    });
    return get(principal, id);
  }

  /** Every row of the queue's filters, for the Excel export (names masked). */
  async function exportRows(principal: Principal, q: Omit<ProblemQuery, 'page' | 'pageSize'>) {
    const at = now();
    const { rows } = await findQueue(db, { ...filterOf(principal, q), now: at });
    const lookups = await lookupsFor(db, files, rows);
    return rows.map((r) => toStaffSummary(r, lookups, at));
  }

  /** Statistics of the caller's queues only, so support's figures are technical questions. */
  const stats = (principal: Principal) => countStats(db, problemScopeOf(principal), now());

  return { queue, get, decide, reply, note, assign, handlersOf, exportRows, stats, visibleCase };
}

export type ProblemStaff = ReturnType<typeof createProblemStaff>;
