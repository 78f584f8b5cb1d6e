import type { Permission } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { AppError } from '../../platform/errors/app-error';
import { interviewScopeAllows, reportEventsOf, type ReportEvent } from '../interviews';

// Who may report on which interview event (NFR-SEC-1 least privilege): the interviews module's
// scope rule, event-wide or narrowed to one session (a monitor posted to one half day).

/** Whether the caller holds the permission for the event, or for the given session of it. */
export function reportAllows(
  principal: Principal | undefined,
  permission: Permission,
  event: ReportEvent,
  sessionId?: string,
): boolean {
  const place = { interviewEventId: event.id, recruitmentEventId: event.recruitmentEventId };
  if (interviewScopeAllows(principal, permission, place)) return true;
  // A session-narrowed grant reaches that session only, never the whole event.
  return (
    sessionId !== undefined && interviewScopeAllows(principal, permission, { ...place, sessionId })
  );
}

/** The event, or 404; 403 when the caller's grant does not reach it (or the session). */
export async function eventInScope(
  db: Db,
  principal: Principal | undefined,
  permission: Permission,
  eventId: string,
  sessionId?: string,
): Promise<ReportEvent> {
  const [event] = await reportEventsOf(db, [eventId]);
  if (!event) throw new AppError('INTERVIEW.EVENT_NOT_FOUND');
  if (sessionId && !event.sessions.some((s) => s.id === sessionId))
    throw new AppError('INTERVIEW.NOT_FOUND', { message: '该场次不属于本面试事项' });
  if (!reportAllows(principal, permission, event, sessionId))
    throw new AppError('COMMON.FORBIDDEN');
  return event;
}

/** The events where the caller holds the permission somewhere (event-wide or one session). */
export async function eventsInScope(
  db: Db,
  principal: Principal | undefined,
  permission: Permission,
): Promise<ReportEvent[]> {
  const events = await reportEventsOf(db);
  return events
    .map((e) => {
      if (reportAllows(principal, permission, e)) return e;
      // A session-narrowed caller sees only his sessions in the picker.
      const sessions = e.sessions.filter((s) => reportAllows(principal, permission, e, s.id));
      return sessions.length ? { ...e, sessions } : undefined;
    })
    .filter((e): e is ReportEvent => e !== undefined);
}
