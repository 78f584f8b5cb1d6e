import type { DeskEventList, DrawGroupList } from '@kaolu/contracts';
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';
import { assertInterviewEventInScope } from './checkin-scope';
import {
  interviewCandidate,
  interviewEvent,
  interviewGroup,
  interviewPosition,
  interviewType,
} from './interview.table';

/**
 * What the venue pages start from (IVW-05, IVW-06): the interview events the caller's grants reach
 * for check-in or draws, and the groups of one event to draw for.
 */
export function createDeskEvents(deps: { db: Db }) {
  const { db } = deps;
  const reaches = (
    principal: Principal | undefined,
    permission: 'interview.checkin' | 'interview.draw',
  ) => {
    const scope = scopeOf(principal, permission);
    return (e: { id: string; recruitmentEventId: string | null }) =>
      scopeAllows(scope, { eventId: e.id }) ||
      (e.recruitmentEventId !== null && scopeAllows(scope, { eventId: e.recruitmentEventId }));
  };

  return {
    async eventsFor(principal: Principal | undefined): Promise<DeskEventList> {
      const events = await db.select().from(interviewEvent).orderBy(asc(interviewEvent.code));
      const checkin = reaches(principal, 'interview.checkin');
      const draw = reaches(principal, 'interview.draw');
      return {
        items: events
          .map((e) => ({ id: e.id, name: e.name, checkin: checkin(e), draw: draw(e) }))
          .filter((e) => e.checkin || e.draw),
      };
    },

    async drawGroups(eventId: string, principal: Principal | undefined): Promise<DrawGroupList> {
      const [event] = await db.select().from(interviewEvent).where(eq(interviewEvent.id, eventId));
      if (!event) throw new AppError('INTERVIEW.EVENT_NOT_FOUND');
      assertInterviewEventInScope(principal, 'interview.draw', event);
      const rows = await db
        .select({
          id: interviewGroup.id,
          name: interviewGroup.name,
          day: interviewGroup.day,
          kind: interviewType.kind,
          candidates: count(interviewCandidate.id),
        })
        .from(interviewGroup)
        .innerJoin(interviewType, eq(interviewType.id, interviewGroup.typeId))
        .leftJoin(interviewPosition, eq(interviewPosition.groupId, interviewGroup.id))
        .leftJoin(interviewCandidate, eq(interviewCandidate.positionId, interviewPosition.id))
        .where(eq(interviewGroup.interviewEventId, eventId))
        .groupBy(interviewGroup.id, interviewType.kind)
        .orderBy(asc(interviewGroup.day), asc(interviewGroup.name));
      return { items: rows.map((r) => ({ ...r, candidates: Number(r.candidates) })) };
    },
  };
}

export type DeskEvents = ReturnType<typeof createDeskEvents>;
