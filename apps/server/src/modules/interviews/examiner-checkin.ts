import type { ExaminerCheckin } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import { groupsOfSession, loadSession } from './arrangement-input';
import { examinerNameAd } from './arrangement-service';
import { examinerAssignment, interviewExaminer } from './interview.table';

/**
 * Examiner check-in 考官报到 (IVW-07): the desk enters or scans the examiner's code and he learns the
 * group, room and seat the draw gave him. Checking in twice shows the same place and keeps the first
 * time, so a second scan at the door changes nothing.
 */
export function createExaminerCheckin(deps: {
  db: Db;
  audit: AuditLog;
  crypto: CryptoProvider;
  now: () => Date;
}) {
  const { db, audit, crypto } = deps;
  return async function checkIn(
    ctx: ChangeContext,
    sessionId: string,
    examinerCode: string,
  ): Promise<ExaminerCheckin> {
    const session = await loadSession(db, sessionId);
    if (
      !scopeAllows(scopeOf(ctx.principal, 'interview.checkin'), {
        eventId: session.interviewEventId,
      })
    )
      throw new AppError('COMMON.FORBIDDEN');
    // Codes are unique per interview event, so the same code of another event never matches.
    const [examiner] = await db
      .select()
      .from(interviewExaminer)
      .where(
        and(
          eq(interviewExaminer.interviewEventId, session.interviewEventId),
          eq(interviewExaminer.code, examinerCode.trim()),
        ),
      );
    if (!examiner) throw new AppError('ARRANGEMENT.EXAMINER_NOT_FOUND');
    const where = and(
      eq(examinerAssignment.sessionId, sessionId),
      eq(examinerAssignment.examinerId, examiner.id),
    );
    const [assignment] = await db.select().from(examinerAssignment).where(where);
    if (!assignment) throw new AppError('ARRANGEMENT.EXAMINER_NOT_ASSIGNED');
    // Idempotent: a second scan keeps the first time and writes no second audit entry.
    let checkedInAt = assignment.checkedInAt;
    if (!checkedInAt) {
      checkedInAt = deps.now();
      await db.transaction(async (tx) => {
        await tx.update(examinerAssignment).set({ checkedInAt }).where(where);
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview.examiner_checked_in',
          targetType: 'examiner_assignment',
          targetId: assignment.id,
          result: 'success',
          details: { sessionId, examinerCode: examiner.code },
        });
      });
    }
    const group = (await groupsOfSession(db, session)).find(
      (g) => g.group.id === assignment.groupId,
    )!;
    return {
      examinerCode: examiner.code,
      examinerName: maskName(crypto.decryptField(examiner.nameEnc, examinerNameAd(examiner.id))),
      seat: assignment.seat,
      groupName: group.group.name,
      roomName: group.roomName,
      venueName: group.venueName,
      checkedInAt: checkedInAt.toISOString(),
    };
  };
}
