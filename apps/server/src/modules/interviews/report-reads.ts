import { and, asc, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { maskIdNumber, maskName } from '../../platform/masking';
import {
  examinerAssignment,
  interviewCandidate,
  interviewEvent,
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewType,
  interviewVenue,
} from './interview.table';

// Read-only queries for the reporting module (IVW-09 monitoring, INT-09b exports, INT-09c psych
// results). They check nothing: the calling service checks the caller's scope first.

/** An interview event with its sessions and groups, for pickers and scope checks. */
export type ReportEvent = {
  id: string;
  name: string;
  recruitmentEventId: string | null;
  sessions: Array<{ id: string; day: string; halfDay: 'am' | 'pm' }>;
  groups: Array<{ id: string; name: string; day: string }>;
};

/** Every interview event (or the given ones), with sessions and groups in day order. */
export async function reportEventsOf(db: DbOrTx, ids?: readonly string[]): Promise<ReportEvent[]> {
  if (ids && ids.length === 0) return [];
  const events = await db
    .select()
    .from(interviewEvent)
    .where(ids ? inArray(interviewEvent.id, [...ids]) : undefined)
    .orderBy(asc(interviewEvent.code));
  if (events.length === 0) return [];
  const eventIds = events.map((e) => e.id);
  const [sessions, groups] = await Promise.all([
    db
      .select()
      .from(interviewSession)
      .where(inArray(interviewSession.interviewEventId, eventIds))
      .orderBy(asc(interviewSession.day), asc(interviewSession.halfDay)),
    db
      .select()
      .from(interviewGroup)
      .where(inArray(interviewGroup.interviewEventId, eventIds))
      .orderBy(asc(interviewGroup.day), asc(interviewGroup.name)),
  ]);
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    recruitmentEventId: e.recruitmentEventId,
    sessions: sessions
      .filter((s) => s.interviewEventId === e.id)
      .map((s) => ({ id: s.id, day: s.day, halfDay: s.halfDay })),
    groups: groups
      .filter((g) => g.interviewEventId === e.id)
      .map((g) => ({ id: g.id, name: g.name, day: g.day })),
  }));
}

/** A group sitting in a session with its candidates' check-in and draw counts. */
export type SessionGroupProgress = {
  groupId: string;
  groupName: string;
  roomName: string;
  venueName: string;
  kind: 'structured' | 'professional' | 'group_structured';
  expected: number;
  checkedIn: number;
  drawn: number;
  examiners: number;
};

/**
 * Check-in and draw progress of every group of a session's day (IVW-09): two aggregate queries,
 * cheap enough for the monitor's poll every second or two.
 */
export async function sessionProgressOf(
  db: DbOrTx,
  session: { id: string; interviewEventId: string; day: string },
): Promise<SessionGroupProgress[]> {
  const groups = await db
    .select({
      groupId: interviewGroup.id,
      groupName: interviewGroup.name,
      roomName: interviewRoom.name,
      venueName: interviewVenue.name,
      kind: interviewType.kind,
      expected: count(interviewCandidate.id),
      checkedIn: count(interviewCandidate.checkedInAt),
      drawn: count(interviewCandidate.orderNumber),
    })
    .from(interviewGroup)
    .innerJoin(interviewRoom, eq(interviewRoom.id, interviewGroup.roomId))
    .innerJoin(interviewVenue, eq(interviewVenue.id, interviewRoom.venueId))
    .innerJoin(interviewType, eq(interviewType.id, interviewGroup.typeId))
    .leftJoin(interviewPosition, eq(interviewPosition.groupId, interviewGroup.id))
    // Only the session's candidates count: the group keeps its positions all day.
    .leftJoin(
      interviewCandidate,
      and(
        eq(interviewCandidate.positionId, interviewPosition.id),
        eq(interviewCandidate.sessionId, session.id),
      ),
    )
    .where(
      and(
        eq(interviewGroup.interviewEventId, session.interviewEventId),
        eq(interviewGroup.day, session.day),
      ),
    )
    .groupBy(interviewGroup.id, interviewRoom.name, interviewVenue.name, interviewType.kind)
    .orderBy(asc(interviewGroup.name));
  const seats = await db
    .select({ groupId: examinerAssignment.groupId, n: count(examinerAssignment.id) })
    .from(examinerAssignment)
    .where(eq(examinerAssignment.sessionId, session.id))
    .groupBy(examinerAssignment.groupId);
  const seated = new Map(seats.map((s) => [s.groupId, Number(s.n)]));
  return groups.map((g) => ({
    ...g,
    expected: Number(g.expected),
    checkedIn: Number(g.checkedIn),
    drawn: Number(g.drawn),
    examiners: seated.get(g.groupId) ?? 0,
  }));
}

/** A session row by id, or undefined. */
export async function reportSessionOf(db: DbOrTx, sessionId: string) {
  const [row] = await db.select().from(interviewSession).where(eq(interviewSession.id, sessionId));
  return row;
}

/** A candidate as the exports print him: masked unless the caller may see clear data. */
export type ReportCandidate = {
  id: string;
  candidateId: string | null;
  ticketNumber: string;
  name: string;
  idNumber: string;
  gender: string | null;
  positionCode: string;
  positionTitle: string;
  unitName: string;
  groupId: string | null;
  groupName: string | null;
  sessionId: string | null;
  subGroup: string | null;
  orderNumber: number | null;
  checkedIn: boolean;
  psych: Record<string, string> | null;
};

/** The candidates of an event, a session and / or a group, in group, session and draw order. */
export async function reportCandidatesOf(
  db: DbOrTx,
  crypto: CryptoProvider,
  place: { interviewEventId: string; sessionId?: string; groupId?: string; open: boolean },
): Promise<ReportCandidate[]> {
  const rows = await db
    .select({
      c: interviewCandidate,
      code: interviewPosition.code,
      title: interviewPosition.title,
      unitName: interviewPosition.unitName,
      groupId: interviewPosition.groupId,
      groupName: interviewGroup.name,
    })
    .from(interviewCandidate)
    .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
    .leftJoin(interviewGroup, eq(interviewGroup.id, interviewPosition.groupId))
    .where(
      and(
        eq(interviewCandidate.interviewEventId, place.interviewEventId),
        place.sessionId ? eq(interviewCandidate.sessionId, place.sessionId) : undefined,
        place.groupId ? eq(interviewPosition.groupId, place.groupId) : undefined,
      ),
    )
    // Undrawn candidates go last, by ticket number, so a half-drawn group still reads in order.
    .orderBy(
      asc(interviewGroup.name),
      asc(interviewCandidate.sessionId),
      sql`${interviewCandidate.orderNumber} asc nulls last`,
      asc(interviewCandidate.ticketNumber),
    );
  return rows.map(({ c, ...p }) => {
    const ad = (column: string) => ({ table: 'interview_candidate', column, rowId: c.id });
    const name = crypto.decryptField(c.nameEnc, ad('name'));
    const idNumber = crypto.decryptField(c.idNumberEnc, ad('id_number'));
    return {
      id: c.id,
      candidateId: c.candidateId,
      ticketNumber: c.ticketNumber,
      name: place.open ? name : maskName(name),
      idNumber: place.open ? idNumber : maskIdNumber(idNumber),
      gender: c.gender,
      positionCode: p.code,
      positionTitle: p.title,
      unitName: p.unitName,
      groupId: p.groupId,
      groupName: p.groupName,
      sessionId: c.sessionId,
      subGroup: c.subGroup,
      orderNumber: c.orderNumber,
      checkedIn: c.checkedInAt !== null,
      psych: (c.psych as Record<string, string> | null) ?? null,
    };
  });
}

/** Seats of an event's examiner assignments (no names: exports show 考官1…n). */
export async function seatsOf(
  db: DbOrTx,
  interviewEventId: string,
): Promise<Array<{ sessionId: string; groupId: string; examinerId: string; seat: string }>> {
  return db
    .select({
      sessionId: examinerAssignment.sessionId,
      groupId: examinerAssignment.groupId,
      examinerId: examinerAssignment.examinerId,
      seat: examinerAssignment.seat,
    })
    .from(examinerAssignment)
    .innerJoin(interviewGroup, eq(interviewGroup.id, examinerAssignment.groupId))
    .where(eq(interviewGroup.interviewEventId, interviewEventId));
}

/** The psych results of some candidates of an event, as imported (INT-09c). */
export async function psychOfCandidates(
  db: DbOrTx,
  interviewEventId: string,
  ids: readonly string[],
): Promise<Map<string, Record<string, string>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: interviewCandidate.id, psych: interviewCandidate.psych })
    .from(interviewCandidate)
    .where(
      and(
        eq(interviewCandidate.interviewEventId, interviewEventId),
        inArray(interviewCandidate.id, [...ids]),
        isNotNull(interviewCandidate.psych),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.psych as Record<string, string>]));
}

/** A scoring indicator of an interview type, as the exports label its columns. */
export type ReportIndicator = { code: string; name: string; weight: number; max: number };

/** Each group's interview type name and indicators, by group id. */
export async function groupIndicatorsOf(
  db: DbOrTx,
  interviewEventId: string,
): Promise<Map<string, { typeName: string; indicators: ReportIndicator[] }>> {
  const rows = await db
    .select({ groupId: interviewGroup.id, name: interviewType.name, ind: interviewType.indicators })
    .from(interviewGroup)
    .innerJoin(interviewType, eq(interviewType.id, interviewGroup.typeId))
    .where(eq(interviewGroup.interviewEventId, interviewEventId));
  return new Map(
    rows.map((r) => [
      r.groupId,
      { typeName: r.name, indicators: (r.ind as ReportIndicator[] | null) ?? [] },
    ]),
  );
}
