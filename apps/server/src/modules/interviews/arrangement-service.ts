import type { Arrangement, ArrangementRules, Permission, SimulationReport } from '@kaolu/contracts';
import { digestDrawInput } from '@kaolu/domain';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { scopeAllows, scopeCondition, scopeOf } from '../../platform/auth/permission-scope';
import type { CryptoProvider } from '../../platform/crypto';
import type { DrawService } from '../../platform/draws';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import {
  buildExaminerDrawInput,
  groupsOfSession,
  loadSession,
  rulesOf,
  sessionLabel,
  type SessionRow,
} from './arrangement-input';
import { arrangementRules } from './arrangement.table';
import { RULE_LABELS, runExaminerDraw, simulate } from './examiner-draw';
import {
  examinerAssignment,
  interviewEvent,
  interviewExaminer,
  interviewSession,
} from './interview.table';

/** Where a sealed examiner name lives (NFR-SEC-2); the setup import seals it the same way. */
export const examinerNameAd = (id: string) => ({
  table: 'interview_examiner',
  column: 'name',
  rowId: id,
});

export type ArrangementDeps = {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  draws: DrawService;
  now: () => Date;
};

/**
 * Examiner arrangement (IVW-04, §7): the event's 回避 rules, the simulated draw with its report,
 * the real draw through the platform's verifiable draws (hash first, then seed) and the
 * arrangement table it produces. Every staff call checks the caller's event scope.
 */
export function createArrangementService(deps: ArrangementDeps) {
  const { db, audit, crypto, draws } = deps;

  // A grant scoped to another interview event gets the same refusal as no grant (NFR-SEC-1).
  const checkScope = (ctx: ChangeContext, permission: Permission, eventId: string) => {
    if (!scopeAllows(scopeOf(ctx.principal, permission), { eventId }))
      throw new AppError('COMMON.FORBIDDEN');
  };
  const sessionIn = async (ctx: ChangeContext, permission: Permission, sessionId: string) => {
    const session = await loadSession(db, sessionId);
    checkScope(ctx, permission, session.interviewEventId);
    return session;
  };

  /**
   * The live (committed or drawn) draw of a session, if any. Superseded draws stay in the history
   * (REG-08: nothing is re-run silently) but no longer decide the arrangement.
   */
  const liveDraw = async (sessionId: string) =>
    (await draws.history('examiners', sessionId)).find((d) => d.status !== 'superseded');

  async function arrangement(ctx: ChangeContext, sessionId: string): Promise<Arrangement> {
    const session = await sessionIn(ctx, 'interview.read', sessionId);
    const groups = await groupsOfSession(db, session);
    const rows = await db
      .select({ a: examinerAssignment, e: interviewExaminer })
      .from(examinerAssignment)
      .innerJoin(interviewExaminer, eq(interviewExaminer.id, examinerAssignment.examinerId))
      .where(eq(examinerAssignment.sessionId, sessionId));
    // Seats are listed as the interview room reads them: chief first, fixed examiners last.
    const order = ['chief', 'rotating', 'professional', 'fixed'];
    const draw = await liveDraw(sessionId);
    return {
      sessionId,
      sessionLabel: sessionLabel(session),
      eventName: session.eventName,
      draw: draw
        ? {
            drawId: draw.id,
            status: draw.status,
            seedHash: draw.seedHash,
            committedAt: draw.committedAt.toISOString(),
            drawnAt: draw.drawnAt?.toISOString() ?? null,
          }
        : null,
      groups: groups.map((g) => ({
        groupName: g.group.name,
        roomName: g.roomName,
        venueName: g.venueName,
        positions: g.positions.map((p) => `${p.code} ${p.title}（${p.unitName}）`),
        seats: rows
          .filter((r) => r.a.groupId === g.group.id)
          .sort((x, y) => order.indexOf(x.a.seat) - order.indexOf(y.a.seat))
          .map((r) => ({
            seat: r.a.seat,
            examinerCode: r.e.code,
            // Staff see the name masked; the code identifies him at the desk (NFR-SEC-2).
            examinerName: maskName(crypto.decryptField(r.e.nameEnc, examinerNameAd(r.e.id))),
            unitName: r.e.unitName,
            checkedInAt: r.a.checkedInAt?.toISOString() ?? null,
          })),
      })),
    };
  }

  return {
    arrangement,
    /** The interview events the caller may read, newest first. */
    async events(ctx: ChangeContext) {
      const where = scopeCondition(scopeOf(ctx.principal, 'interview.read'), {
        eventId: interviewEvent.id,
      });
      return db
        .select({ id: interviewEvent.id, name: interviewEvent.name })
        .from(interviewEvent)
        .where(where)
        .orderBy(desc(interviewEvent.createdAt));
    },
    async sessions(ctx: ChangeContext, eventId: string) {
      checkScope(ctx, 'interview.read', eventId);
      const [event] = await db.select().from(interviewEvent).where(eq(interviewEvent.id, eventId));
      if (!event) throw new AppError('COMMON.NOT_FOUND');
      const rows = await db
        .select()
        .from(interviewSession)
        .where(eq(interviewSession.interviewEventId, eventId))
        .orderBy(asc(interviewSession.day), asc(interviewSession.halfDay));
      const sessions = [];
      // A handful of sessions per event: one history look-up each keeps the draw status exact.
      for (const s of rows)
        sessions.push({
          id: s.id,
          label: sessionLabel(s),
          drawn: (await liveDraw(s.id))?.status === 'drawn',
        });
      return { eventName: event.name, sessions };
    },

    async rules(ctx: ChangeContext, eventId: string): Promise<ArrangementRules> {
      checkScope(ctx, 'interview.read', eventId);
      return rulesOf(db, eventId);
    },

    /** Saves the event's rules; draws already made keep the rules they recorded. */
    async saveRules(ctx: ChangeContext, eventId: string, rules: ArrangementRules) {
      checkScope(ctx, 'interview.manage', eventId);
      const [event] = await db.select().from(interviewEvent).where(eq(interviewEvent.id, eventId));
      if (!event) throw new AppError('COMMON.NOT_FOUND');
      // One row per event, replaced as a whole: the rules are one document edited on one form.
      const updatedBy = ctx.actor.kind === 'staff' ? ctx.actor.username : 'system';
      await db.transaction(async (tx) => {
        const values = { interviewEventId: eventId, rules, updatedBy, updatedAt: deps.now() };
        await tx
          .insert(arrangementRules)
          .values(values)
          .onConflictDoUpdate({ target: arrangementRules.interviewEventId, set: values });
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview.arrangement_rules_saved',
          targetType: 'interview_event',
          targetId: eventId,
          result: 'success',
          details: rules,
        });
      });
      return rules;
    },

    /** The simulated draw and its validation report, shown before the real one (IVW-04). */
    async simulate(ctx: ChangeContext, sessionId: string, runs = 30): Promise<SimulationReport> {
      const session = await sessionIn(ctx, 'interview.read', sessionId);
      const input = await buildExaminerDrawInput(db, session);
      const digest = digestDrawInput(input);
      const { report, sampleSeats, sampleProblems } = simulate(input, digest, runs);
      const groups = await groupsOfSession(db, session);
      return {
        runs: report.runs,
        succeeded: report.succeeded,
        failures: Object.entries(report.failures).map(([code, count]) => ({
          code,
          label: RULE_LABELS[code] ?? code,
          count,
        })),
        problems: report.problems.map((p) => ({ code: p.code, message: p.message })),
        sample: groups.map((g) => ({
          groupName: g.group.name,
          seats: sampleSeats.filter((s) => s.groupId === g.group.id).map((s) => `${s.examinerId}`),
        })),
        sampleProblems: sampleProblems.map((p) => ({ code: p.code, message: p.message })),
        inputDigest: digest,
      };
    },

    /** Publishes the seed hash of the session's draw (before any seat is drawn, REG-08). */
    async commit(ctx: ChangeContext, sessionId: string, redrawReason?: string) {
      await sessionIn(ctx, 'interview.draw', sessionId);
      const row = await db.transaction((tx) =>
        draws.commit(tx, { kind: 'examiners', scopeKey: sessionId, redrawReason }, ctx),
      );
      return { drawId: row.id, seedHash: row.seedHash };
    },

    /** Runs the committed draw and writes the assignments it gives, all in one transaction. */
    async draw(ctx: ChangeContext, sessionId: string): Promise<Arrangement> {
      const session = await sessionIn(ctx, 'interview.draw', sessionId);
      // Only a published hash may be drawn: drawing without one would let the seed be chosen after
      // the inputs are known.
      const committed = await liveDraw(sessionId);
      if (committed?.status !== 'committed') throw new AppError('ARRANGEMENT.NO_COMMITTED_DRAW');
      await db.transaction(async (tx) => {
        // The input is read inside the transaction, so the record keeps exactly what was drawn from.
        const input = await buildExaminerDrawInput(tx, session);
        const { result } = await draws.draw(
          tx,
          committed.id,
          input,
          (seed) => runExaminerDraw(input, seed),
          ctx,
        );
        // An impossible draw rolls back: the hash stays published and the organiser fixes the pool.
        if ('failed' in result)
          throw new AppError('ARRANGEMENT.INFEASIBLE', {
            details: { rules: result.failed.map((c) => RULE_LABELS[c] ?? c) },
          });
        await writeAssignments(tx, session, committed.id, result.seats);
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview.examiners_arranged',
          targetType: 'interview_session',
          targetId: sessionId,
          result: 'success',
          details: { drawId: committed.id, seats: result.seats.length },
        });
      });
      return arrangement(ctx, sessionId);
    },
  };
}

/** Replaces the session's assignments by the draw's seats (a redraw keeps both draw records). */
async function writeAssignments(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  session: SessionRow,
  drawId: string,
  seats: readonly {
    groupId: string;
    seat: 'chief' | 'rotating' | 'professional' | 'fixed';
    examinerId: string;
  }[],
) {
  const examiners = await tx
    .select({ id: interviewExaminer.id, code: interviewExaminer.code })
    .from(interviewExaminer)
    .where(eq(interviewExaminer.interviewEventId, session.interviewEventId));
  // The draw speaks in examiner codes (its record is public); the rows need the examiner ids.
  const idOf = new Map(examiners.map((e) => [e.code, e.id]));
  await tx.delete(examinerAssignment).where(eq(examinerAssignment.sessionId, session.id));
  if (seats.length === 0) return;
  await tx.insert(examinerAssignment).values(
    seats.map((s) => ({
      sessionId: session.id,
      groupId: s.groupId,
      examinerId: idOf.get(s.examinerId)!,
      seat: s.seat,
      drawId,
    })),
  );
}

export type ArrangementService = ReturnType<typeof createArrangementService>;
