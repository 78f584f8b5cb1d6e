import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { maskIdNumber, maskName } from '../../platform/masking';
import {
  interviewCandidate,
  interviewExaminer,
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewType,
} from './interview.table';

// Read-only queries the arrangement and check-in use cases build on (IVW-04 … IVW-07). They
// take the db or a tx and check nothing: the calling service checks the caller's scope first.

/** A group of a session's day with its type's panel and the positions it keeps all day. */
export type SessionGroup = {
  id: string;
  name: string;
  roomId: string;
  roomName: string;
  venueId: string;
  typeId: string;
  kind: 'structured' | 'professional' | 'group_structured';
  examinerCount: number;
  fixedSeats: number;
  rotatingSeats: number;
  professionalSeats: number;
  positions: Array<{
    id: string;
    code: string;
    title: string;
    unitId: string | null;
    unitName: string;
    major: string | null;
  }>;
};

/** The groups sitting in a session (those of its day), ordered by name; [] for an unknown id. */
// Groups are formed per day (§7 continuity), so a session's groups are those of its day; the
// arrangement part draws each session's examiners for them.
export async function groupsOfSession(db: DbOrTx, sessionId: string): Promise<SessionGroup[]> {
  const [session] = await db
    .select()
    .from(interviewSession)
    .where(eq(interviewSession.id, sessionId));
  if (!session) return [];
  const rows = await db
    .select({ group: interviewGroup, room: interviewRoom, type: interviewType })
    .from(interviewGroup)
    .innerJoin(interviewRoom, eq(interviewRoom.id, interviewGroup.roomId))
    .innerJoin(interviewType, eq(interviewType.id, interviewGroup.typeId))
    .where(
      and(
        eq(interviewGroup.interviewEventId, session.interviewEventId),
        eq(interviewGroup.day, session.day),
      ),
    )
    .orderBy(asc(interviewGroup.name));
  const ids = rows.map((r) => r.group.id);
  const positions = ids.length
    ? await db
        .select()
        .from(interviewPosition)
        .where(inArray(interviewPosition.groupId, ids))
        .orderBy(asc(interviewPosition.code))
    : [];
  return rows.map(({ group, room, type }) => ({
    id: group.id,
    name: group.name,
    roomId: room.id,
    roomName: room.name,
    venueId: room.venueId,
    typeId: type.id,
    kind: type.kind,
    examinerCount: type.examinerCount,
    fixedSeats: group.fixedSeats,
    rotatingSeats: group.rotatingSeats,
    professionalSeats: group.professionalSeats,
    positions: positions
      .filter((p) => p.groupId === group.id)
      .map((p) => ({
        id: p.id,
        code: p.code,
        title: p.title,
        unitId: p.unitId,
        unitName: p.unitName,
        major: p.major,
      })),
  }));
}

/** An examiner of the event's pool, without his name (the draws work on ids and units). */
export type EventExaminer = Omit<typeof interviewExaminer.$inferSelect, 'nameEnc' | 'phoneEnc'> & {
  conflictUnitIds: string[];
  conflictPositionCodes: string[];
};

/** Every examiner of the event, by code. */
// Sealed name and phone are left out: the draws decide by unit, district and capabilities.
export async function examinersOf(db: DbOrTx, eventId: string): Promise<EventExaminer[]> {
  const rows = await db
    .select()
    .from(interviewExaminer)
    .where(eq(interviewExaminer.interviewEventId, eventId))
    .orderBy(asc(interviewExaminer.code));
  return rows.map(({ nameEnc: _name, phoneEnc: _phone, ...e }) => ({
    ...e,
    conflictUnitIds: e.conflictUnitIds as string[],
    conflictPositionCodes: e.conflictPositionCodes as string[],
  }));
}

/** An examiner's name: clear for an authorised caller (arrangement print), masked otherwise. */
export function examinerNameOf(
  crypto: CryptoProvider,
  row: { id: string; nameEnc: string },
  open: boolean,
): string {
  const name = crypto.decryptField(row.nameEnc, {
    table: 'interview_examiner',
    column: 'name',
    rowId: row.id,
  });
  return open ? name : maskName(name);
}

/** A candidate of a group, with name and ID number opened only when the caller may see them. */
export type GroupCandidate = Omit<
  typeof interviewCandidate.$inferSelect,
  'nameEnc' | 'idNumberEnc'
> & { name: string; idNumber: string; positionCode: string };

/**
 * The candidates of the positions a group keeps, by ticket number. `open` is decided by the
 * calling service from the caller's permission (a check-in desk sees names; lists stay masked).
 */
// Both sealed fields are opened to mask them: masking needs the clear text's length and ends.
export async function candidatesOfGroup(
  db: DbOrTx,
  groupId: string,
  options: { crypto: CryptoProvider; open: boolean },
): Promise<GroupCandidate[]> {
  const rows = await db
    .select({ c: interviewCandidate, code: interviewPosition.code })
    .from(interviewCandidate)
    .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
    .where(eq(interviewPosition.groupId, groupId))
    .orderBy(asc(interviewCandidate.ticketNumber));
  return rows.map(({ c: { nameEnc, idNumberEnc, ...c }, code }) => {
    const ad = (column: string) => ({ table: 'interview_candidate', column, rowId: c.id });
    const name = options.crypto.decryptField(nameEnc, ad('name'));
    const idNumber = options.crypto.decryptField(idNumberEnc, ad('id_number'));
    return {
      ...c,
      positionCode: code,
      name: options.open ? name : maskName(name),
      idNumber: options.open ? idNumber : maskIdNumber(idNumber),
    };
  });
}
