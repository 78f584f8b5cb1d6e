import type { SheetBoard, SheetConfirmResult } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import { assertInterviewScope, interviewScopeAllows, sessionCandidatesOf } from '../interviews';
import { loadPanel, placeOf, type ScoringDeps } from './scoring-access';
import { sessionLabelOf, toPoints } from './scoring-policy';
import { computeIfComplete, handOverIfComplete } from './results.service';
import { recordHistory } from './sheets.service';
import { resultStatesOf, sheetStatesOf } from './scoring-queries';
import { scoreSheet } from './scoring.table';

const nameAd = (table: string, rowId: string) => ({ table, column: 'name', rowId });

/**
 * The supervisor's and chief examiner's side (IVW-08, IVW-10): the board of one group in one
 * session, the supervisor's confirmation (which may complete a result), and SMS reminders.
 */
export function createBoard(deps: ScoringDeps) {
  const { db, crypto, audit, sms, now } = deps;

  /** 'scores' for a supervisor in scope, 'states' for the group's chief examiner, else 403. */
  async function boardAccess(principal: Principal | undefined, sessionId: string, groupId: string) {
    const panel = await loadPanel(db, sessionId, groupId);
    if (interviewScopeAllows(principal, 'interview.supervise', placeOf(panel)))
      return { panel, view: 'scores' as const };
    const chief = panel.seats.find((s) => s.seat === 'chief');
    if (
      chief?.staffUserId &&
      chief.staffUserId === principal?.id &&
      interviewScopeAllows(principal, 'interview.score', placeOf(panel))
    )
      return { panel, view: 'states' as const };
    throw new AppError('COMMON.FORBIDDEN');
  }

  return {
    /** Every candidate of the group-session in draw order, with each examiner's sheet state. */
    async board(
      principal: Principal | undefined,
      sessionId: string,
      groupId: string,
    ): Promise<SheetBoard> {
      const { panel, view } = await boardAccess(principal, sessionId, groupId);
      const place = { interviewEventId: panel.interviewEventId, sessionId, groupId };
      const [candidates, sheets, results] = await Promise.all([
        sessionCandidatesOf(db, sessionId, groupId),
        sheetStatesOf(db, place),
        resultStatesOf(db, place),
      ]);
      return {
        groupName: panel.groupName,
        sessionLabel: sessionLabelOf(panel),
        examiners: panel.seats.map((s) => ({
          examinerId: s.examinerId,
          nameMasked: maskName(
            crypto.decryptField(s.nameEnc, nameAd('interview_examiner', s.examinerId)),
          ),
          seat: s.seat,
        })),
        candidates: candidates.map((c) => {
          const own = results.filter((r) => r.interviewCandidateId === c.id);
          return {
            interviewCandidateId: c.id,
            orderNumber: c.orderNumber,
            ticketNumber: c.ticketNumber,
            nameMasked: maskName(
              crypto.decryptField(c.nameEnc, nameAd('interview_candidate', c.id)),
            ),
            sheets: sheets
              .filter((s) => s.interviewCandidateId === c.id)
              .map((s) => ({
                sheetId: s.sheetId,
                examinerId: s.examinerId,
                kind: s.kind,
                status: s.status,
                // The chief examiner sees who has handed in, never what colleagues gave (§7).
                scores:
                  view === 'scores'
                    ? Object.fromEntries(
                        Object.entries(s.scoresCenti).map(([k, v]) => [k, toPoints(v)]),
                      )
                    : null,
                submittedAt: s.submittedAt?.toISOString() ?? null,
              })),
            result:
              view === 'scores' && own.length > 0
                ? Object.fromEntries(own.map((r) => [r.kind, toPoints(r.scoreCenti)]))
                : null,
          };
        }),
      };
    },

    /**
     * The supervisor signs a submitted sheet; if it was the candidate's last one of its kind the
     * result is computed in the same transaction, and a completed group-session is handed over.
     */
    async confirm(sheetId: string, ctx: ChangeContext): Promise<SheetConfirmResult> {
      const [sheet] = await db.select().from(scoreSheet).where(eq(scoreSheet.id, sheetId));
      if (!sheet) throw new AppError('INTERVIEW.SHEET_NOT_FOUND');
      const panel = await loadPanel(db, sheet.sessionId, sheet.groupId);
      assertInterviewScope(ctx.principal, 'interview.supervise', placeOf(panel));
      const at = now();
      const computed = await db.transaction(async (tx) => {
        // Guarded by the status: a withdrawn or already confirmed sheet is not signed twice.
        const [updated] = await tx
          .update(scoreSheet)
          .set({ status: 'confirmed', confirmedAt: at, confirmedBy: ctx.principal?.id ?? null })
          .where(and(eq(scoreSheet.id, sheetId), eq(scoreSheet.status, 'submitted')))
          .returning();
        if (!updated) throw new AppError('INTERVIEW.SHEET_NOT_SUBMITTED');
        await recordHistory(tx, updated, 'confirmed', ctx.principal?.id ?? null);
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'score_sheet.confirmed',
          targetType: 'score_sheet',
          targetId: sheetId,
          result: 'success',
          details: { from: 'submitted', to: 'confirmed', revision: updated.revision },
        });
        return computeIfComplete(tx, panel, sheet.interviewCandidateId, sheet.kind, at);
      });
      // After commit: composite's write is its own transaction (hand-over, IVW-08).
      if (computed) await handOverIfComplete(deps, panel);
      return { sheetId, status: 'confirmed', computed };
    },

    /** Texts the group's examiners who still owe a sheet (of one candidate, or of any). */
    async remind(
      input: { sessionId: string; groupId: string; interviewCandidateId?: string },
      ctx: ChangeContext,
    ): Promise<{ reminded: number }> {
      const panel = await loadPanel(db, input.sessionId, input.groupId);
      assertInterviewScope(ctx.principal, 'interview.supervise', placeOf(panel));
      const place = {
        interviewEventId: panel.interviewEventId,
        sessionId: input.sessionId,
        groupId: input.groupId,
      };
      const [candidates, sheets, results] = await Promise.all([
        sessionCandidatesOf(db, input.sessionId, input.groupId),
        sheetStatesOf(db, place),
        resultStatesOf(db, place),
      ]);
      // Owed: a candidate in question (one, or every checked-in one without a result) and no sheet
      // of the examiner handed in for him yet.
      const due = candidates.filter((c) =>
        input.interviewCandidateId
          ? c.id === input.interviewCandidateId
          : c.checkedInAt !== null && !results.some((r) => r.interviewCandidateId === c.id),
      );
      const handedIn = (examinerId: string, candidateId: string) =>
        sheets.some(
          (s) =>
            s.examinerId === examinerId &&
            s.interviewCandidateId === candidateId &&
            (s.status === 'submitted' || s.status === 'confirmed'),
        );
      const owing = panel.seats.filter((s) => due.some((c) => !handedIn(s.examinerId, c.id)));
      let reminded = 0;
      for (const seat of owing) {
        if (!seat.phoneEnc) continue;
        const phone = crypto.decryptField(seat.phoneEnc, {
          table: 'interview_examiner',
          column: 'phone',
          rowId: seat.examinerId,
        });
        try {
          await sms.send({
            phone,
            purpose: 'interview_score_reminder',
            content: `【考录】${panel.groupName}（${sessionLabelOf(panel)}）尚有考生的评分表未提交，请及时在评分平板上完成评分并提交。`,
            actor: ctx.actor,
            ip: ctx.ip,
            requestId: ctx.requestId,
          });
          reminded++;
          // One refused number (daily limit) must not stop the others' reminders.
        } catch {
          continue;
        }
      }
      return { reminded };
    },
  };
}
