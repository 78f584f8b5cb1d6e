import type { InterviewGroupInput } from '@kaolu/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import { interviewGroup, interviewPosition, interviewRoom } from './interview.table';
import { assertInterviewScope } from './setup-scope';

// The writes behind a group (IVW-01, §7): the group row itself and the positions it keeps all day.
// Both run inside the caller's transaction, which also holds the audit entry, so a refused
// position leaves the group as it was.

/** Writes the group row: a new one (one group per room and day) or an update of its own. */
export async function writeGroup(
  tx: DbOrTx,
  eventId: string,
  values: Omit<InterviewGroupInput, 'positionIds'>,
  groupId: string | undefined,
  principal: Principal | undefined,
) {
  if (!groupId) {
    const [row] = await tx
      .insert(interviewGroup)
      .values({ ...values, interviewEventId: eventId })
      .onConflictDoNothing()
      .returning();
    // The unique (room, day) decides: one room holds one group a day (§7).
    if (!row) throw new AppError('INTERVIEW.SETUP_INVALID', { message: '该面试室当天已有面试组' });
    return row;
  }
  const [current] = await tx
    .select({ venueId: interviewRoom.venueId })
    .from(interviewGroup)
    .innerJoin(interviewRoom, eq(interviewRoom.id, interviewGroup.roomId))
    .where(and(eq(interviewGroup.id, groupId), eq(interviewGroup.interviewEventId, eventId)));
  if (!current) throw new AppError('INTERVIEW.NOT_FOUND', { message: '面试组不存在' });
  // Moving a group out of another venue is a change in that venue as well.
  assertInterviewScope(principal, 'interview.manage', {
    interviewEventId: eventId,
    venueId: current.venueId,
  });
  const [row] = await tx
    .update(interviewGroup)
    .set(values)
    .where(eq(interviewGroup.id, groupId))
    .returning();
  return row!;
}

/**
 * The group keeps exactly these positions: others it held are released (§7 continuity). A
 * position another group keeps is refused rather than moved, so a venue's staff never take a
 * position away from another venue's group.
 */
export async function assignPositions(tx: DbOrTx, eventId: string, groupId: string, ids: string[]) {
  const found = ids.length
    ? await tx
        .select({
          id: interviewPosition.id,
          code: interviewPosition.code,
          groupId: interviewPosition.groupId,
          groupName: interviewGroup.name,
        })
        .from(interviewPosition)
        .leftJoin(interviewGroup, eq(interviewGroup.id, interviewPosition.groupId))
        .where(
          and(eq(interviewPosition.interviewEventId, eventId), inArray(interviewPosition.id, ids)),
        )
    : [];
  if (found.length !== new Set(ids).size)
    throw new AppError('INTERVIEW.SETUP_INVALID', { message: '所选职位不属于本面试事项' });
  const taken = found.filter((p) => p.groupId !== null && p.groupId !== groupId);
  if (taken.length)
    throw new AppError('INTERVIEW.SETUP_INVALID', {
      message: taken
        .map((p) => `职位 ${p.code} 已由${p.groupName ?? '其他面试组'}全天面试，请先从该组移除`)
        .join('；'),
    });
  await tx
    .update(interviewPosition)
    .set({ groupId: null })
    .where(eq(interviewPosition.groupId, groupId));
  if (ids.length)
    await tx.update(interviewPosition).set({ groupId }).where(inArray(interviewPosition.id, ids));
}
