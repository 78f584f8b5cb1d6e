import { PROBLEM_TYPE_LABELS, type ProblemType } from '@kaolu/contracts';
import { and, eq, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditActor } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { SmsGateway } from '../../platform/sms';
import { formatShanghai } from '../../platform/time';
import { findStaffWithRoles, staffPhonesOf } from '../identity';
import { PROBLEM_SLA_HOURS, WAITING_FOR_STAFF } from './problem-rules';
import { handlerRolesOf } from './problem-scope';
import { problemCase } from './problem.table';
import { insertEntry, type CaseRow } from './problems.repository';

/** The system actor reminders are sent as (the SMS log names it). */
export const SLA_REMINDER_ACTOR: AuditActor = { kind: 'system', id: 'problem.sla_reminder' };
// Cases handled per tick: a backlog is worked off over a few ticks, each quick.
const BATCH = 200;

/** A case is reminded once its last quarter of the SLA begins (18 h of 72, 6 h of 24). */
export const reminderLeadHours = (type: ProblemType): number => PROBLEM_SLA_HOURS[type] / 4;

/**
 * SLA reminders of the problem center (ONL-01): a tick on every server instance finds the cases
 * still waiting for staff whose deadline is near (or passed) and not yet reminded for that
 * deadline, marks each with a guarded update (so two instances never remind twice), writes a
 * staff-only history line (留痕) and texts the handler — the assignee, or when nobody took the
 * case every holder of its department whose grant reaches the case's event.
 */
export function createSlaReminders(deps: {
  db: Db;
  crypto: CryptoProvider;
  sms: SmsGateway;
  now: () => Date;
}) {
  const { db, crypto, sms, now } = deps;
  let timer: NodeJS.Timeout | undefined;

  /** Cases due for a reminder now, by type (each type has its own lead time). */
  function dueCondition(at: Date) {
    const types = Object.keys(PROBLEM_SLA_HOURS) as ProblemType[];
    return and(
      inArray(problemCase.status, [...WAITING_FOR_STAFF]),
      or(isNull(problemCase.remindedDueAt), ne(problemCase.remindedDueAt, problemCase.dueAt)),
      or(
        ...types.map((type) =>
          and(
            eq(problemCase.type, type),
            lte(problemCase.dueAt, new Date(at.getTime() + reminderLeadHours(type) * 3_600_000)),
          ),
        ),
      ),
    );
  }

  /** Marks one case reminded and writes its history line; false when another tick was first. */
  async function markReminded(row: CaseRow, recipients: number, at: Date): Promise<boolean> {
    return db.transaction(async (tx) => {
      const [won] = await tx
        .update(problemCase)
        .set({ remindedDueAt: row.dueAt })
        .where(
          and(
            eq(problemCase.id, row.id),
            sql`${problemCase.remindedDueAt} is distinct from ${problemCase.dueAt}`,
          ),
        )
        .returning({ id: problemCase.id });
      if (!won) return false;
      await insertEntry(tx, {
        caseId: row.id,
        kind: 'sla_reminder',
        actorKind: 'system',
        actorId: null,
        body:
          recipients > 0
            ? `答复期限 ${formatShanghai(row.dueAt)}，已短信提醒 ${recipients} 名处理人`
            : `答复期限 ${formatShanghai(row.dueAt)}，无登记手机号的处理人可提醒，请尽快分配`,
        at,
      });
      return true;
    });
  }

  /** Who is texted about a case: its assignee, else every handler whose grant reaches it. */
  async function recipientsOf(row: CaseRow) {
    const ids = row.assigneeId
      ? [row.assigneeId]
      : (
          await findStaffWithRoles(db, handlerRolesOf(row.responsibleRole), {
            forEventId: row.eventId,
          })
        ).map((u) => u.id);
    return staffPhonesOf(db, crypto, ids);
  }

  /** One tick: reminds every due case of this batch; answers how many cases and texts. */
  async function tick(): Promise<{ cases: number; texts: number }> {
    const at = now();
    const due = await db.select().from(problemCase).where(dueCondition(at)).limit(BATCH);
    let cases = 0;
    let texts = 0;
    for (const row of due) {
      const phones = await recipientsOf(row);
      if (!(await markReminded(row, phones.length, at))) continue;
      cases++;
      // After the commit, as every SMS is: a failed text (daily limit) never undoes the mark.
      for (const { phone } of phones) {
        await sms
          .send({
            phone,
            purpose: 'problem_sla',
            content: `【上海考录】${PROBLEM_TYPE_LABELS[row.type]}（编号${row.caseNumber}）将于${formatShanghai(row.dueAt)}到达答复期限，请及时处理。`,
            actor: SLA_REMINDER_ACTOR,
          })
          .then(() => texts++)
          .catch(() => undefined);
      }
    }
    return { cases, texts };
  }

  /** Ticks every `intervalMs` on this instance (tests call tick()). */
  function start(intervalMs: number, onError: (error: unknown) => void): void {
    if (timer) return;
    timer = setInterval(() => void tick().catch(onError), intervalMs);
    // The timer alone does not keep the process alive at shutdown.
    timer.unref();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
  }

  return { tick, start, stop };
}
