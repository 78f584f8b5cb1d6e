import type {
  ExaminerSeat,
  ScoringQueue,
  SheetSync,
  SheetSyncResult,
  StoredSheet,
} from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import {
  groupPanelOf,
  interviewCandidateOf,
  seatsOfStaffUser,
  sessionCandidatesOf,
} from '../interviews';
import { callerSeat, loadPanel, seatView, type ScoringDeps } from './scoring-access';
import { computedIds } from './scoring-compute';
import { sheetProblems, toCenti, toPoints } from './scoring-policy';
import { scoreSheet, scoreSheetHistory } from './scoring.table';

type SheetRow = typeof scoreSheet.$inferSelect;

/** A stored sheet as the tablet reads it back, scores in points. */
export function storedSheetOf(row: SheetRow): StoredSheet {
  return {
    clientKey: row.clientKey,
    revision: row.revision,
    status: row.status,
    scores: Object.fromEntries(Object.entries(row.scores).map(([k, v]) => [k, toPoints(v)])),
    comment: row.comment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    withdrawReason: row.withdrawReason,
  };
}

/** Appends one line to a sheet's history (append-only, insertion order). */
export function recordHistory(
  tx: DbOrTx,
  row: Pick<SheetRow, 'id' | 'revision' | 'scores'>,
  action: string,
  actorId: string | null,
  reason?: string,
) {
  return tx.insert(scoreSheetHistory).values({
    sheetId: row.id,
    action,
    revision: row.revision,
    scores: row.scores,
    actorId,
    reason: reason ?? null,
  });
}

/**
 * The examiner's side of scoring (IVW-08, IVW-10): his seats, his group's queue, syncing a sheet
 * from the tablet (idempotent by clientKey and revision) and withdrawing one before the result.
 */
export function createSheets(deps: ScoringDeps) {
  const { db, crypto, audit, now } = deps;

  /** Refuses any change to a sheet whose candidate already has a result of that kind. */
  async function assertNotComputed(tx: DbOrTx, candidateId: string, kind: SheetRow['kind']) {
    if ((await computedIds(tx, [candidateId], kind)).size > 0)
      throw new AppError('INTERVIEW.RESULT_COMPUTED');
  }

  return {
    /** Every seat the signed-in examiner holds, by day and half day. */
    async seats(principal: Principal | undefined): Promise<{ items: ExaminerSeat[] }> {
      if (principal?.kind !== 'staff') throw new AppError('COMMON.FORBIDDEN');
      const items: ExaminerSeat[] = [];
      for (const s of await seatsOfStaffUser(db, principal.id)) {
        const panel = await groupPanelOf(db, s.sessionId, s.groupId);
        const seat = panel?.seats.find((x) => x.examinerId === s.examinerId);
        if (panel && seat) items.push(seatView(panel, seat));
      }
      return { items };
    },

    /** The group's candidates of the session in draw order, each with the caller's own sheet. */
    async queue(
      principal: Principal | undefined,
      sessionId: string,
      groupId: string,
    ): Promise<ScoringQueue> {
      const panel = await loadPanel(db, sessionId, groupId);
      const seat = callerSeat(panel, principal);
      const view = seatView(panel, seat);
      const candidates = await sessionCandidatesOf(db, sessionId, groupId);
      const sheets = await db
        .select()
        .from(scoreSheet)
        .where(
          and(
            eq(scoreSheet.sessionId, sessionId),
            eq(scoreSheet.groupId, groupId),
            eq(scoreSheet.examinerId, seat.examinerId),
            eq(scoreSheet.kind, view.kind),
          ),
        );
      const byCandidate = new Map(sheets.map((s) => [s.interviewCandidateId, s]));
      const computed = await computedIds(
        db,
        candidates.map((c) => c.id),
        view.kind,
      );
      return {
        seat: view,
        items: candidates.map((c) => {
          const sheet = byCandidate.get(c.id);
          const name = crypto.decryptField(c.nameEnc, {
            table: 'interview_candidate',
            column: 'name',
            rowId: c.id,
          });
          return {
            interviewCandidateId: c.id,
            orderNumber: c.orderNumber,
            ticketNumber: c.ticketNumber,
            nameMasked: maskName(name),
            positionTitle: c.positionTitle,
            checkedIn: c.checkedInAt !== null,
            psych: (c.psych as Record<string, unknown> | null) ?? null,
            sheet: sheet ? storedSheetOf(sheet) : null,
            computed: computed.has(c.id),
          };
        }),
      };
    },

    /**
     * One sync from the tablet: the whole sheet at `revision`. A revision not above the stored one
     * is a replay (answered, nothing changes); a higher one replaces scores and comment; `submit`
     * hands the sheet in after every indicator is checked, with history and audit.
     */
    async sync(clientKey: string, input: SheetSync, ctx: ChangeContext): Promise<SheetSyncResult> {
      const panel = await loadPanel(db, input.sessionId, input.groupId);
      const seat = callerSeat(panel, ctx.principal);
      const view = seatView(panel, seat);
      if (input.kind !== view.kind)
        throw new AppError('INTERVIEW.SHEET_INVALID', {
          message: `您本场次的座位填写${view.kind === 'structured' ? '结构化面试' : '专业面试'}评分表`,
        });
      // One row, not the group's list: this runs on every keystroke sync of every tablet.
      const candidate = await interviewCandidateOf(db, input.interviewCandidateId);
      if (candidate?.groupId !== input.groupId || candidate.sessionId !== input.sessionId)
        throw new AppError('INTERVIEW.CANDIDATE_NOT_FOUND', {
          message: '该考生不在本组本场次的名单中',
        });
      if (input.submit) {
        const problems = sheetProblems(view.indicators, input.scores);
        if (problems.length > 0)
          throw new AppError('INTERVIEW.SHEET_INVALID', {
            message: `评分表有误：${problems.join('；')}`,
            details: { problems },
          });
      }
      const scores = Object.fromEntries(
        Object.entries(input.scores).map(([k, v]) => [k, toCenti(v)]),
      );
      const at = now();
      const status = input.submit ? ('submitted' as const) : ('draft' as const);
      const actorId = ctx.principal?.id ?? null;
      const result = await db.transaction(async (tx) => {
        // A hand-in is audited in the transaction that makes it; draft keystrokes only in history.
        const applied = async (row: SheetRow) => {
          await recordHistory(tx, row, input.submit ? 'submitted' : 'synced', actorId);
          if (input.submit)
            await audit.record(tx, {
              ...auditBase(ctx),
              action: 'score_sheet.submitted',
              targetType: 'score_sheet',
              targetId: row.id,
              result: 'success',
              details: { revision: row.revision, kind: row.kind },
            });
          return { row, replay: false };
        };
        // A first sync inserts; a conflicting key (retry, or the same sheet racing) falls through
        // to the locked update below, so two copies of one request never both apply.
        const [inserted] = await tx
          .insert(scoreSheet)
          .values({
            interviewEventId: panel.interviewEventId,
            sessionId: input.sessionId,
            groupId: input.groupId,
            interviewCandidateId: input.interviewCandidateId,
            examinerId: seat.examinerId,
            kind: input.kind,
            clientKey,
            revision: input.revision,
            scores,
            comment: input.comment ?? null,
            status,
            submittedAt: input.submit ? at : null,
            updatedAt: at,
          })
          .onConflictDoNothing()
          .returning();
        if (inserted) {
          await assertNotComputed(tx, input.interviewCandidateId, input.kind);
          return applied(inserted);
        }
        const [stored] = await tx
          .select()
          .from(scoreSheet)
          .where(eq(scoreSheet.clientKey, clientKey))
          .for('update');
        // The unique (candidate, examiner, kind) refused the insert: his sheet has another key.
        if (!stored) throw new AppError('INTERVIEW.SHEET_EXISTS');
        if (
          stored.interviewCandidateId !== input.interviewCandidateId ||
          stored.examinerId !== seat.examinerId ||
          stored.kind !== input.kind
        )
          throw new AppError('INTERVIEW.SHEET_KEY_CONFLICT');
        if (input.revision <= stored.revision) return { row: stored, replay: true };
        if (stored.status === 'confirmed') throw new AppError('INTERVIEW.SHEET_CONFIRMED');
        if (stored.status === 'submitted') throw new AppError('INTERVIEW.SHEET_SUBMITTED');
        await assertNotComputed(tx, input.interviewCandidateId, input.kind);
        const [updated] = await tx
          .update(scoreSheet)
          .set({
            revision: input.revision,
            scores,
            comment: input.comment ?? null,
            status,
            submittedAt: input.submit ? at : null,
            updatedAt: at,
          })
          .where(eq(scoreSheet.id, stored.id))
          .returning();
        return applied(updated!);
      });
      return {
        clientKey,
        revision: result.row.revision,
        status: result.row.status,
        replay: result.replay,
      };
    },

    /** Takes a handed-in sheet back with a reason (IVW-10), only while no result exists. */
    async withdraw(clientKey: string, reason: string, ctx: ChangeContext) {
      const [sheet] = await db.select().from(scoreSheet).where(eq(scoreSheet.clientKey, clientKey));
      if (!sheet) throw new AppError('INTERVIEW.SHEET_NOT_FOUND');
      const panel = await loadPanel(db, sheet.sessionId, sheet.groupId);
      const seat = callerSeat(panel, ctx.principal);
      // Only the examiner's own sheet: another examiner of the group gets the same 404.
      if (sheet.examinerId !== seat.examinerId) throw new AppError('INTERVIEW.SHEET_NOT_FOUND');
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(scoreSheet)
          .where(eq(scoreSheet.id, sheet.id))
          .for('update');
        await assertNotComputed(tx, row!.interviewCandidateId, row!.kind);
        if (row!.status !== 'submitted' && row!.status !== 'confirmed')
          throw new AppError('INTERVIEW.SHEET_NOT_WITHDRAWABLE');
        const [updated] = await tx
          .update(scoreSheet)
          .set({
            status: 'withdrawn',
            withdrawnAt: now(),
            withdrawReason: reason,
            confirmedAt: null,
            confirmedBy: null,
            updatedAt: now(),
          })
          .where(eq(scoreSheet.id, sheet.id))
          .returning();
        await recordHistory(tx, updated!, 'withdrawn', ctx.principal?.id ?? null, reason);
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'score_sheet.withdrawn',
          targetType: 'score_sheet',
          targetId: sheet.id,
          result: 'success',
          details: { from: row!.status, to: 'withdrawn', reason },
        });
        return { clientKey, revision: updated!.revision, status: updated!.status };
      });
    },
  };
}
