import type { MonitorCounts, MonitorRoom, MonitorSnapshot } from '@kaolu/contracts';
import type { Db } from '../../db/client';
import { shanghaiDay } from '../../platform/time';
import { resultStatesOf, sheetStatesOf } from '../interview-scoring';
import { reportSessionOf, sessionProgressOf, type ReportEvent } from '../interviews';

// One snapshot of live monitoring (IVW-09), read from the database so every server instance
// pushes the same figures whichever instance took the check-in or the sheet.

type Session = ReportEvent['sessions'][number];

/**
 * The session the monitor shows by default: today's half day in Shanghai (afternoon from 12:00),
 * else the last session before today, else the first one.
 */
export function currentSession(sessions: readonly Session[], now: Date): Session | null {
  const today = shanghaiDay(now);
  // Shanghai is UTC+8 all year: the hour there is the UTC hour plus 8.
  const half = (now.getUTCHours() + 8) % 24 < 12 ? 'am' : 'pm';
  const exact = sessions.find((s) => s.day === today && s.halfDay === half);
  if (exact) return exact;
  const todays = sessions.filter((s) => s.day === today);
  if (todays.length) return todays[todays.length - 1]!;
  const before = sessions.filter((s) => s.day < today);
  return before[before.length - 1] ?? sessions[0] ?? null;
}

const ZERO: MonitorCounts = {
  expected: 0,
  checkedIn: 0,
  drawn: 0,
  scoring: 0,
  sheetsIn: 0,
  sheetsExpected: 0,
  confirmed: 0,
  computed: 0,
};

/** Sums the rooms' counters into the event totals. */
function totalsOf(rooms: readonly MonitorRoom[]): MonitorCounts {
  const totals = { ...ZERO };
  for (const r of rooms)
    for (const k of Object.keys(ZERO) as (keyof MonitorCounts)[]) totals[k] += r[k];
  return totals;
}

/** Reads the snapshot of one session of the event: three aggregate reads and two sheet reads. */
export async function readSnapshot(
  db: Db,
  event: ReportEvent,
  sessionId: string | undefined,
  now: Date,
): Promise<MonitorSnapshot> {
  const chosen = sessionId
    ? (event.sessions.find((s) => s.id === sessionId) ?? null)
    : currentSession(event.sessions, now);
  const base = { eventId: event.id, eventName: event.name, readAt: now.toISOString() };
  const sessions = event.sessions;
  const row = chosen ? await reportSessionOf(db, chosen.id) : undefined;
  if (!chosen || !row) return { ...base, sessions, session: null, rooms: [], totals: ZERO };
  const place = { interviewEventId: event.id, sessionId: chosen.id };
  const [progress, sheets, results] = await Promise.all([
    sessionProgressOf(db, row),
    sheetStatesOf(db, place),
    resultStatesOf(db, place),
  ]);
  const rooms = progress.map((g): MonitorRoom => {
    // Sheets handed in count until withdrawn; drafts are keystrokes, not progress.
    const handedIn = sheets.filter(
      (s) => s.groupId === g.groupId && (s.status === 'submitted' || s.status === 'confirmed'),
    );
    const computed = new Set(
      results.filter((r) => r.groupId === g.groupId).map((r) => r.interviewCandidateId),
    );
    const scored = new Set(handedIn.map((s) => s.interviewCandidateId));
    return {
      ...g,
      scoring: [...scored].filter((id) => !computed.has(id)).length,
      sheetsIn: handedIn.length,
      sheetsExpected: g.expected * g.examiners,
      confirmed: handedIn.filter((s) => s.status === 'confirmed').length,
      computed: computed.size,
    };
  });
  return { ...base, sessions, session: chosen, rooms, totals: totalsOf(rooms) };
}

/** What a change is: everything but the read time, so an unchanged poll pushes nothing. */
export function snapshotSignature(s: MonitorSnapshot): string {
  return JSON.stringify([s.session?.id ?? null, s.rooms, s.totals]);
}
