import type { InterviewGroupInput, InterviewSetup } from '@kaolu/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import {
  interviewGroup,
  interviewPosition,
  interviewRoom,
  interviewSession,
  interviewType,
  interviewVenue,
} from './interview.table';
import { loadEvent, presentEvent, type SetupDeps, createSetupEvents } from './setup-events.service';
import { assertNoProblems, groupProblems } from './setup-rules';
import { assignPositions, writeGroup } from './setup-groups';
import { assertInterviewScope } from './setup-scope';

// What a change tells the audit log: the action, its target and the values it wrote.
type Audited = { action: string; targetType: string; targetId: string; details: object };

/**
 * Sessions, venues, rooms and groups of an event (IVW-01), and which positions each group keeps
 * all day (§7 continuity). Venue work is checked against the venue, so a venue-scoped interview
 * administrator changes his own venue's rooms and groups only.
 */
export function createSetupPlaces(deps: SetupDeps) {
  const { db, audit } = deps;
  // The types are read through the events part, so the overview shows them as PUT saved them.
  const events = createSetupEvents(deps);

  /** Runs a change in one transaction with its audit entry. */
  async function change<T>(ctx: ChangeContext, work: (tx: DbOrTx) => Promise<[T, Audited]>) {
    return db.transaction(async (tx) => {
      const [result, entry] = await work(tx);
      await audit.record(tx, {
        ...auditBase(ctx),
        result: 'success',
        ...entry,
        details: { ...entry.details },
      });
      return result;
    });
  }

  /** The venue of a room of this event, or 404 (a room id of another event is not found). */
  async function venueOfRoom(tx: DbOrTx, eventId: string, roomId: string) {
    const [row] = await tx
      .select({ venueId: interviewVenue.id })
      .from(interviewRoom)
      .innerJoin(interviewVenue, eq(interviewVenue.id, interviewRoom.venueId))
      .where(and(eq(interviewRoom.id, roomId), eq(interviewVenue.interviewEventId, eventId)));
    if (!row) throw new AppError('INTERVIEW.NOT_FOUND', { message: '面试室不存在' });
    return row.venueId;
  }

  return {
    /** Everything the setup page shows; event-wide, so a venue-narrowed grant does not read it. */
    async overview(eventId: string, principal: Principal | undefined): Promise<InterviewSetup> {
      const { row, place } = await loadEvent(db, eventId);
      assertInterviewScope(principal, 'interview.read', place);
      // Independent reads in parallel: the page opens in one round trip's time.
      const [types, sessions, venues, rooms, groups, positions] = await Promise.all([
        events.types(db, eventId),
        db
          .select()
          .from(interviewSession)
          .where(eq(interviewSession.interviewEventId, eventId))
          .orderBy(asc(interviewSession.day), asc(interviewSession.halfDay)),
        db
          .select()
          .from(interviewVenue)
          .where(eq(interviewVenue.interviewEventId, eventId))
          .orderBy(asc(interviewVenue.name)),
        db
          .select({ room: interviewRoom })
          .from(interviewRoom)
          .innerJoin(interviewVenue, eq(interviewVenue.id, interviewRoom.venueId))
          .where(eq(interviewVenue.interviewEventId, eventId))
          .orderBy(asc(interviewRoom.name)),
        db
          .select({ group: interviewGroup, venueId: interviewRoom.venueId })
          .from(interviewGroup)
          .innerJoin(interviewRoom, eq(interviewRoom.id, interviewGroup.roomId))
          .where(eq(interviewGroup.interviewEventId, eventId))
          .orderBy(asc(interviewGroup.day), asc(interviewGroup.name)),
        db
          .select({ id: interviewPosition.id, groupId: interviewPosition.groupId })
          .from(interviewPosition)
          .where(eq(interviewPosition.interviewEventId, eventId)),
      ]);
      return {
        event: presentEvent(row),
        types,
        sessions: sessions.map((s) => ({ id: s.id, day: s.day, halfDay: s.halfDay })),
        venues: venues.map((v) => ({
          id: v.id,
          name: v.name,
          address: v.address,
          rooms: rooms.filter((r) => r.room.venueId === v.id).map((r) => r.room),
        })),
        groups: groups.map(({ group: g, venueId }) => ({
          id: g.id,
          venueId,
          roomId: g.roomId,
          day: g.day,
          name: g.name,
          typeId: g.typeId,
          fixedSeats: g.fixedSeats,
          rotatingSeats: g.rotatingSeats,
          professionalSeats: g.professionalSeats,
          positionIds: positions.filter((p) => p.groupId === g.id).map((p) => p.id),
        })),
      };
    },

    /** Adds a half day 场次 to the event (event-wide work). */
    async addSession(
      eventId: string,
      input: { day: string; halfDay: 'am' | 'pm' },
      ctx: ChangeContext,
    ) {
      return change(ctx, async (tx) => {
        const { place } = await loadEvent(tx, eventId);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        const [row] = await tx
          .insert(interviewSession)
          .values({ interviewEventId: eventId, ...input })
          // The unique (event, day, half day) decides a duplicate, also between two clicks.
          .onConflictDoNothing()
          .returning();
        if (!row) throw new AppError('INTERVIEW.SETUP_INVALID', { message: '该场次已存在' });
        return [
          row,
          {
            action: 'interview_session.created',
            targetType: 'interview_session',
            targetId: row.id,
            details: { eventId, ...input },
          },
        ];
      });
    },

    /** Adds a venue 考点 (event-wide work: a venue-narrowed grant cannot create venues). */
    async addVenue(
      eventId: string,
      input: { name: string; address?: string | null },
      ctx: ChangeContext,
    ) {
      return change(ctx, async (tx) => {
        const { place } = await loadEvent(tx, eventId);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        const [row] = await tx
          .insert(interviewVenue)
          .values({ interviewEventId: eventId, name: input.name, address: input.address ?? null })
          .returning();
        return [
          { ...row!, rooms: [] },
          {
            action: 'interview_venue.created',
            targetType: 'interview_venue',
            targetId: row!.id,
            details: { eventId, name: input.name },
          },
        ];
      });
    },

    /** Adds a room 面试室 to a venue of this event, checked against that venue. */
    async addRoom(eventId: string, input: { venueId: string; name: string }, ctx: ChangeContext) {
      return change(ctx, async (tx) => {
        const { place } = await loadEvent(tx, eventId);
        // A venue id of another event is not found here, so no room lands in another event.
        const [venue] = await tx
          .select()
          .from(interviewVenue)
          .where(
            and(eq(interviewVenue.id, input.venueId), eq(interviewVenue.interviewEventId, eventId)),
          );
        if (!venue) throw new AppError('INTERVIEW.NOT_FOUND', { message: '考点不存在' });
        assertInterviewScope(ctx.principal, 'interview.manage', { ...place, venueId: venue.id });
        const [row] = await tx.insert(interviewRoom).values(input).returning();
        return [
          row!,
          {
            action: 'interview_room.created',
            targetType: 'interview_room',
            targetId: row!.id,
            details: { eventId, ...input },
          },
        ];
      });
    },

    /** Creates (no id) or replaces a group, and gives it the positions it keeps all day. */
    async putGroup(
      eventId: string,
      input: InterviewGroupInput,
      ctx: ChangeContext,
      groupId?: string,
    ) {
      return change(ctx, async (tx) => {
        const { place } = await loadEvent(tx, eventId);
        const venueId = await venueOfRoom(tx, eventId, input.roomId);
        assertInterviewScope(ctx.principal, 'interview.manage', { ...place, venueId });
        // The type must be this event's: its examiner count decides the seats below.
        const [type] = await tx
          .select()
          .from(interviewType)
          .where(
            and(eq(interviewType.id, input.typeId), eq(interviewType.interviewEventId, eventId)),
          );
        if (!type) throw new AppError('INTERVIEW.NOT_FOUND', { message: '面试类型不存在' });
        assertNoProblems(groupProblems(input, type.examinerCount));
        // The positions are not a column of the group: they point at it (interview_position.group_id).
        const { positionIds, ...values } = input;
        const row = await writeGroup(tx, eventId, values, groupId, ctx.principal);
        await assignPositions(tx, eventId, row.id, positionIds);
        const result = { ...input, id: row.id, venueId };
        return [
          result,
          {
            action: groupId ? 'interview_group.updated' : 'interview_group.created',
            targetType: 'interview_group',
            targetId: row.id,
            details: { eventId, ...input },
          },
        ];
      });
    },
  };
}

/** Inserts or updates the group row; an update checks the group's current venue too. */
