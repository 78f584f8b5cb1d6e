import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { interviewEvent, interviewSession, interviewVenue } from './interview.table';

// Read-only: the interview events with their venues and sessions, so sec_admin narrows an
// interview role (IVW-05) by picking names and half days instead of typing ids (NFR-UX-1).

export type InterviewPlaceChoices = {
  id: string;
  name: string;
  venues: Array<{ id: string; name: string }>;
  sessions: Array<{ id: string; day: string; halfDay: 'am' | 'pm' }>;
};

/** Every interview event with its venues (by name) and sessions (by day), in three queries. */
export async function findInterviewPlaceChoices(db: DbOrTx): Promise<InterviewPlaceChoices[]> {
  const events = await db
    .select({ id: interviewEvent.id, name: interviewEvent.name })
    .from(interviewEvent)
    .orderBy(asc(interviewEvent.createdAt));
  if (events.length === 0) return [];
  const ids = events.map((e) => e.id);
  const [venues, sessions] = await Promise.all([
    db
      .select({
        id: interviewVenue.id,
        eventId: interviewVenue.interviewEventId,
        name: interviewVenue.name,
      })
      .from(interviewVenue)
      .where(inArray(interviewVenue.interviewEventId, ids))
      .orderBy(asc(interviewVenue.name)),
    db
      .select({
        id: interviewSession.id,
        eventId: interviewSession.interviewEventId,
        day: interviewSession.day,
        halfDay: interviewSession.halfDay,
      })
      .from(interviewSession)
      .where(inArray(interviewSession.interviewEventId, ids))
      .orderBy(asc(interviewSession.day), asc(interviewSession.halfDay)),
  ]);
  return events.map((e) => ({
    ...e,
    venues: venues.filter((v) => v.eventId === e.id).map(({ id, name }) => ({ id, name })),
    sessions: sessions
      .filter((s) => s.eventId === e.id)
      .map(({ id, day, halfDay }) => ({ id, day, halfDay })),
  }));
}
