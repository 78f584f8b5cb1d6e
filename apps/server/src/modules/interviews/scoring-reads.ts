import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  examinerAssignment,
  interviewCandidate,
  interviewEvent,
  interviewExaminer,
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewType,
  interviewVenue,
} from './interview.table';

// Read-only views of the interview arrangement for interview scoring (IVW-08, IVW-10): the seats an
// examiner's tablet account holds, a group's panel in one session and its candidates in draw order.
// They check nothing and open nothing: the scoring service checks the caller and opens sealed fields.

export type Seat = 'chief' | 'fixed' | 'rotating' | 'professional';
export type InterviewTypeKind = 'structured' | 'professional' | 'group_structured';

/** An interview type's scoring policy as stored: indicators [{ code, name, weight, max, bands }]. */
export type TypePolicy = { id: string; kind: InterviewTypeKind; name: string; indicators: unknown };

/** One group in one session with its place, its type and the event's types (for professional seats). */
export type GroupPanel = {
  interviewEventId: string;
  recruitmentEventId: string | null;
  sessionId: string;
  day: string;
  halfDay: 'am' | 'pm';
  groupId: string;
  groupName: string;
  roomName: string;
  venueId: string;
  venueName: string;
  type: TypePolicy;
  /** Every type of the event: a professional seat in a structured group scores on the professional one. */
  eventTypes: TypePolicy[];
  seats: Array<{
    examinerId: string;
    seat: Seat;
    code: string;
    staffUserId: string | null;
    nameEnc: string;
    phoneEnc: string | null;
  }>;
};

const typeColumns = {
  id: interviewType.id,
  kind: interviewType.kind,
  name: interviewType.name,
  indicators: interviewType.indicators,
};

/** The group's panel in the session, or undefined when the group does not sit in that session. */
export async function groupPanelOf(
  db: DbOrTx,
  sessionId: string,
  groupId: string,
): Promise<GroupPanel | undefined> {
  const [row] = await db
    .select({
      session: interviewSession,
      group: interviewGroup,
      room: interviewRoom,
      venue: interviewVenue,
      event: interviewEvent,
      type: typeColumns,
    })
    .from(interviewGroup)
    .innerJoin(interviewSession, eq(interviewSession.id, sessionId))
    .innerJoin(interviewRoom, eq(interviewRoom.id, interviewGroup.roomId))
    .innerJoin(interviewVenue, eq(interviewVenue.id, interviewRoom.venueId))
    .innerJoin(interviewEvent, eq(interviewEvent.id, interviewGroup.interviewEventId))
    .innerJoin(interviewType, eq(interviewType.id, interviewGroup.typeId))
    .where(eq(interviewGroup.id, groupId));
  // Groups are formed per day (§7): a group sits in the sessions of its own day and event only.
  if (
    !row ||
    row.session.interviewEventId !== row.group.interviewEventId ||
    row.session.day !== row.group.day
  )
    return undefined;
  const [eventTypes, seats] = await Promise.all([
    db
      .select(typeColumns)
      .from(interviewType)
      .where(eq(interviewType.interviewEventId, row.event.id)),
    db
      .select({
        examinerId: examinerAssignment.examinerId,
        seat: examinerAssignment.seat,
        code: interviewExaminer.code,
        staffUserId: interviewExaminer.staffUserId,
        nameEnc: interviewExaminer.nameEnc,
        phoneEnc: interviewExaminer.phoneEnc,
      })
      .from(examinerAssignment)
      .innerJoin(interviewExaminer, eq(interviewExaminer.id, examinerAssignment.examinerId))
      .where(
        and(eq(examinerAssignment.sessionId, sessionId), eq(examinerAssignment.groupId, groupId)),
      )
      .orderBy(asc(interviewExaminer.code)),
  ]);
  return {
    interviewEventId: row.event.id,
    recruitmentEventId: row.event.recruitmentEventId,
    sessionId,
    day: row.session.day,
    halfDay: row.session.halfDay,
    groupId,
    groupName: row.group.name,
    roomName: row.room.name,
    venueId: row.venue.id,
    venueName: row.venue.name,
    type: row.type,
    eventTypes,
    seats,
  };
}

/** The (session, group) pairs where the staff account's examiner holds a seat, by day. */
export async function seatsOfStaffUser(
  db: DbOrTx,
  staffUserId: string,
): Promise<Array<{ sessionId: string; groupId: string; examinerId: string }>> {
  return db
    .select({
      sessionId: examinerAssignment.sessionId,
      groupId: examinerAssignment.groupId,
      examinerId: examinerAssignment.examinerId,
    })
    .from(examinerAssignment)
    .innerJoin(interviewExaminer, eq(interviewExaminer.id, examinerAssignment.examinerId))
    .innerJoin(interviewSession, eq(interviewSession.id, examinerAssignment.sessionId))
    .where(eq(interviewExaminer.staffUserId, staffUserId))
    .orderBy(asc(interviewSession.day), asc(interviewSession.halfDay));
}

/** A candidate of a group in one session, sealed name as stored (the caller opens and masks it). */
export type SessionCandidate = {
  id: string;
  candidateId: string | null;
  interviewEventId: string;
  sessionId: string | null;
  ticketNumber: string;
  nameEnc: string;
  positionTitle: string;
  orderNumber: number | null;
  checkedInAt: Date | null;
  psych: unknown;
};

const candidateColumns = {
  id: interviewCandidate.id,
  candidateId: interviewCandidate.candidateId,
  interviewEventId: interviewCandidate.interviewEventId,
  sessionId: interviewCandidate.sessionId,
  ticketNumber: interviewCandidate.ticketNumber,
  nameEnc: interviewCandidate.nameEnc,
  positionTitle: interviewPosition.title,
  orderNumber: interviewCandidate.orderNumber,
  checkedInAt: interviewCandidate.checkedInAt,
  psych: interviewCandidate.psych,
};

/** The candidates of the group's positions in the session, in draw order (undrawn last, by ticket). */
export async function sessionCandidatesOf(
  db: DbOrTx,
  sessionId: string,
  groupId: string,
): Promise<SessionCandidate[]> {
  return db
    .select(candidateColumns)
    .from(interviewCandidate)
    .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
    .where(and(eq(interviewPosition.groupId, groupId), eq(interviewCandidate.sessionId, sessionId)))
    .orderBy(asc(interviewCandidate.orderNumber), asc(interviewCandidate.ticketNumber));
}

/** One interview candidate with his group (through his position), or undefined. */
export async function interviewCandidateOf(
  db: DbOrTx,
  id: string,
): Promise<(SessionCandidate & { groupId: string | null }) | undefined> {
  const [row] = await db
    .select({ ...candidateColumns, groupId: interviewPosition.groupId })
    .from(interviewCandidate)
    .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
    .where(eq(interviewCandidate.id, id));
  return row;
}

/** Sessions of an event by id (labels for answers and SMS). */
export async function sessionsByIdOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof interviewSession.$inferSelect>();
  const rows = await db.select().from(interviewSession).where(inArray(interviewSession.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** An examiner of the pool with his sealed phone and linked account (tablet accounts, IVW-08). */
export async function examinerAccountOf(db: DbOrTx, eventId: string, examinerId: string) {
  const [row] = await db
    .select({
      id: interviewExaminer.id,
      interviewEventId: interviewExaminer.interviewEventId,
      code: interviewExaminer.code,
      nameEnc: interviewExaminer.nameEnc,
      phoneEnc: interviewExaminer.phoneEnc,
      staffUserId: interviewExaminer.staffUserId,
    })
    .from(interviewExaminer)
    .where(
      and(eq(interviewExaminer.id, examinerId), eq(interviewExaminer.interviewEventId, eventId)),
    );
  return row;
}

/** Candidates by id with their group's name (results lists), one query for a whole page. */
export async function interviewCandidatesByIdOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, SessionCandidate & { groupName: string }>();
  const rows = await db
    .select({ ...candidateColumns, groupName: interviewGroup.name })
    .from(interviewCandidate)
    .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
    .leftJoin(interviewGroup, eq(interviewGroup.id, interviewPosition.groupId))
    .where(inArray(interviewCandidate.id, ids));
  return new Map(rows.map((r) => [r.id, { ...r, groupName: r.groupName ?? '未分组' }]));
}

// The two writes interview scoring makes on this module's rows (IVW-08 tablet accounts, the
// interview time change). Each is a single guarded UPDATE taking the caller's transaction; the
// caller checks scope, audits and notifies. They live here so that the table stays this module's.

/**
 * Moves a candidate not yet checked in to another session; the draw order of the old session no
 * longer applies and is cleared (he is drawn again there). Undefined when he checked in meanwhile.
 */
export async function moveCandidateToSession(tx: DbOrTx, id: string, sessionId: string) {
  const [row] = await tx
    .update(interviewCandidate)
    .set({ sessionId, orderNumber: null, drawPosition: null, subGroup: null })
    .where(and(eq(interviewCandidate.id, id), isNull(interviewCandidate.checkedInAt)))
    .returning({ id: interviewCandidate.id });
  return row;
}

/** Links an examiner without an account to his new staff account; false when one was linked first. */
export async function linkExaminerAccount(tx: DbOrTx, examinerId: string, staffUserId: string) {
  const rows = await tx
    .update(interviewExaminer)
    .set({ staffUserId })
    .where(and(eq(interviewExaminer.id, examinerId), isNull(interviewExaminer.staffUserId)))
    .returning({ id: interviewExaminer.id });
  return rows.length > 0;
}
