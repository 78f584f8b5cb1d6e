import { randomUUID } from 'node:crypto';
import type { KaoluApp } from '../../app';
import {
  interviewCandidate,
  interviewEvent,
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewType,
  interviewVenue,
} from './interview.table';

// Fixture rows for the check-in, candidate-draw and e2e tests (IVW-05, IVW-06): inserted directly
// into the interview tables until the setup routes exist, sealed the way an import seals them.
let counter = 0;

export type FixtureCandidate = {
  id: string;
  name: string;
  idNumber: string;
  ticketNumber: string;
  groupId: string;
};

/** A valid 18-digit ID number (GB 11643 check digit) that differs per call. */
export function fixtureIdNumber(): string {
  const body = `31010119950101${String(1000 + (counter++ % 9000)).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

/**
 * One interview event with a session, venue, room and `groups` groups of the given kind, each
 * keeping one position with `perGroup` candidates; candidateIds link the first ones to profiles.
 */
export async function createInterviewFixture(
  app: KaoluApp,
  options: {
    kind?: 'structured' | 'professional' | 'group_structured';
    groups?: number;
    perGroup?: number;
    recruitmentEventId?: string;
    linkCandidateIds?: string[];
  } = {},
) {
  // Written straight into the tables, as the module's own tests may (no setup routes yet).
  const { db } = app.kaolu.database;
  const { crypto } = app.kaolu;
  const tag = `${Date.now().toString(36)}${counter++}`;
  const [event] = await db
    .insert(interviewEvent)
    .values({
      code: `IV${tag}`,
      name: `测试面试${tag}`,
      recruitmentEventId: options.recruitmentEventId ?? null,
    })
    .returning();
  const [type] = await db
    .insert(interviewType)
    .values({ interviewEventId: event!.id, kind: options.kind ?? 'structured', name: '结构化面试' })
    .returning();
  const [session] = await db
    .insert(interviewSession)
    .values({ interviewEventId: event!.id, day: '2026-12-05', halfDay: 'am' })
    .returning();
  const [venue] = await db
    .insert(interviewVenue)
    .values({ interviewEventId: event!.id, name: '测试考点' })
    .returning();
  // One room and group per requested group, each keeping one position all day (§7).
  const candidates: FixtureCandidate[] = [];
  const groupIds: string[] = [];
  const links = [...(options.linkCandidateIds ?? [])];
  for (let g = 0; g < (options.groups ?? 1); g++) {
    const [room] = await db
      .insert(interviewRoom)
      .values({ venueId: venue!.id, name: `${g + 1}号面试室` })
      .returning();
    const [group] = await db
      .insert(interviewGroup)
      .values({
        interviewEventId: event!.id,
        roomId: room!.id,
        day: session!.day,
        name: `第${g + 1}面试组`,
        typeId: type!.id,
      })
      .returning();
    groupIds.push(group!.id);
    const [position] = await db
      .insert(interviewPosition)
      .values({
        interviewEventId: event!.id,
        code: `P${tag}${g}`,
        title: `综合管理${g + 1}`,
        unitName: '测试局',
        groupId: group!.id,
      })
      .returning();
    for (let c = 0; c < (options.perGroup ?? 3); c++) {
      const id = randomUUID();
      const idNumber = fixtureIdNumber();
      const name = `考生${String.fromCharCode(0x7532 + c)}${g}`;
      // Sealed like an import seals them: the desk decrypts and masks the name.
      const ad = (column: string) => ({ table: 'interview_candidate', column, rowId: id });
      await db.insert(interviewCandidate).values({
        id,
        interviewEventId: event!.id,
        positionId: position!.id,
        candidateId: links.shift() ?? null,
        ticketNumber: `${tag}${g}${String(c + 1).padStart(2, '0')}`,
        nameEnc: crypto.encryptField(name, ad('name')),
        idNumberEnc: crypto.encryptField(idNumber, ad('id_number')),
        idNumberBidx: crypto.blindIndex('id_number', idNumber),
        sessionId: session!.id,
      });
      candidates.push({
        id,
        name,
        idNumber,
        ticketNumber: `${tag}${g}${String(c + 1).padStart(2, '0')}`,
        groupId: group!.id,
      });
    }
  }
  return { eventId: event!.id, sessionId: session!.id, groupIds, candidates };
}
