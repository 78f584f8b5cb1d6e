import type { ExaminerAccount } from '@kaolu/contracts';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import type { Identity } from '../identity';
import {
  assertInterviewScope,
  examinerAccountOf,
  interviewCandidateOf,
  linkExaminerAccount,
  moveCandidateToSession,
  sessionsByIdOf,
} from '../interviews';
import type { MessagesService } from '../messages';
import type { ScoringDeps } from './scoring-access';
import { sessionLabelOf } from './scoring-policy';

export type ScoringAdminDeps = ScoringDeps & { messages: MessagesService; identity: Identity };

/**
 * The interview administrator's two scoring-day tasks: moving a candidate to another session
 * (interview time change, told by SMS) and opening an examiner's tablet account (IVW-08).
 */
export function createScoringAdmin(deps: ScoringAdminDeps) {
  const { db, audit, crypto, messages, identity } = deps;

  return {
    /** Refused once he is checked in: by then he sits the session he came to. */
    async changeSession(
      id: string,
      input: { sessionId: string; reason: string },
      ctx: ChangeContext,
    ) {
      const candidate = await interviewCandidateOf(db, id);
      if (!candidate) throw new AppError('INTERVIEW.CANDIDATE_NOT_FOUND');
      assertInterviewScope(ctx.principal, 'interview.manage', {
        interviewEventId: candidate.interviewEventId,
      });
      const sessions = await sessionsByIdOf(
        db,
        [input.sessionId, candidate.sessionId].filter((s): s is string => s !== null),
      );
      const target = sessions.get(input.sessionId);
      if (!target || target.interviewEventId !== candidate.interviewEventId)
        throw new AppError('INTERVIEW.SESSION_NOT_FOUND');
      if (candidate.checkedInAt) throw new AppError('INTERVIEW.CANDIDATE_CHECKED_IN');
      const from = candidate.sessionId ? sessions.get(candidate.sessionId) : undefined;
      await db.transaction(async (tx) => {
        // Guarded by "not checked in": a check-in racing this change wins, and the change is refused.
        if (!(await moveCandidateToSession(tx, id, input.sessionId)))
          throw new AppError('INTERVIEW.CANDIDATE_CHECKED_IN');
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview_candidate.session_changed',
          targetType: 'interview_candidate',
          targetId: id,
          result: 'success',
          details: { from: candidate.sessionId, to: input.sessionId, reason: input.reason },
        });
      });
      // After commit; only a candidate linked to a registration has a phone on file, others are
      // told by the staff who imported them (the answer says he was not notified).
      let notified = false;
      if (candidate.candidateId) {
        const report = await messages.smsTo(
          [candidate.candidateId],
          `【考录】您的面试时间已由${from ? sessionLabelOf(from) : '原场次'}调整为${sessionLabelOf(target)}，原因：${input.reason}。请按新时间到场。`,
          'interview_time_changed',
          ctx.actor,
        );
        notified = report.sent > 0;
      }
      return {
        interviewCandidateId: id,
        sessionId: input.sessionId,
        sessionLabel: sessionLabelOf(target),
        notified,
      };
    },

    /**
     * A staff account for the examiner (username = his code, phone from his sealed record), the
     * examiner role scoped to this interview event, linked to him; the one-time password once.
     */
    async createExaminerAccount(
      eventId: string,
      examinerId: string,
      ctx: ChangeContext,
    ): Promise<ExaminerAccount> {
      assertInterviewScope(ctx.principal, 'interview.manage', { interviewEventId: eventId });
      const examiner = await examinerAccountOf(db, eventId, examinerId);
      if (!examiner) throw new AppError('INTERVIEW.EXAMINER_NOT_FOUND');
      if (examiner.staffUserId) throw new AppError('INTERVIEW.EXAMINER_HAS_ACCOUNT');
      if (!examiner.phoneEnc) throw new AppError('INTERVIEW.EXAMINER_NO_PHONE');
      const ad = (column: string) => ({ table: 'interview_examiner', column, rowId: examinerId });
      const phone = crypto.decryptField(examiner.phoneEnc, ad('phone'));
      const name = crypto.decryptField(examiner.nameEnc, ad('name'));
      const actor =
        ctx.actor.kind === 'staff'
          ? ctx.actor
          : { kind: 'system' as const, id: 'interview-scoring' };
      const created = await identity.staffUsers.create(
        { username: examiner.code, displayName: name.slice(0, 30), phone },
        actor,
        ctx,
      );
      await identity.grants.grant(
        { staffUserId: created.userId, role: 'examiner', eventId },
        actor,
        actor.id,
        ctx,
      );
      const linked = await db.transaction(async (tx) => {
        const ok = await linkExaminerAccount(tx, examinerId, created.userId);
        if (ok)
          await audit.record(tx, {
            ...auditBase(ctx),
            action: 'interview_examiner.account_linked',
            targetType: 'interview_examiner',
            targetId: examinerId,
            result: 'success',
            details: { staffUserId: created.userId, username: examiner.code },
          });
        return ok;
      });
      // Two administrators at once: the other one's account was linked first.
      if (!linked) throw new AppError('INTERVIEW.EXAMINER_HAS_ACCOUNT');
      return {
        staffUserId: created.userId,
        username: examiner.code,
        oneTimePassword: created.oneTimePassword,
        expiresAt: created.expiresAt,
      };
    },
  };
}
