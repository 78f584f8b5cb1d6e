import type {
  InterviewEvent,
  InterviewEventInput,
  InterviewType,
  InterviewTypeInput,
  MyInterviewEvent,
} from '@kaolu/contracts';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import type { AuditLog } from '../../platform/audit';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { findEventById } from '../events';
import { interviewEvent, interviewGroup, interviewType } from './interview.table';
import { assertNoProblems, typeProblems } from './setup-rules';
import {
  assertInterviewScope,
  permissionsInEvent,
  visibleEventIds,
  type InterviewPlace,
} from './setup-scope';

/** What the setup parts need: the database and the audit log (changes audit in their tx). */
export type SetupDeps = { db: Db; audit: AuditLog };
// An interview_event row as Drizzle reads it.
type EventRow = typeof interviewEvent.$inferSelect;

/** An event row as the API shows it. */
export function presentEvent(row: EventRow): InterviewEvent {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    recruitmentEventId: row.recruitmentEventId,
    status: row.status,
    majors: row.majors as InterviewEvent['majors'],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The event (404 if missing) and its place for scope checks. */
export async function loadEvent(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(interviewEvent).where(eq(interviewEvent.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('INTERVIEW.EVENT_NOT_FOUND');
  const place: InterviewPlace = {
    interviewEventId: row.id,
    recruitmentEventId: row.recruitmentEventId,
  };
  return { row, place };
}

/** The code is unique across events: a taken one is a clear 409, not a database error. */
/** The unique code is checked first so the answer is INTERVIEW.CODE_TAKEN, not a 500. */
async function assertCodeFree(tx: DbOrTx, code: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: interviewEvent.id })
    .from(interviewEvent)
    .where(eq(interviewEvent.code, code));
  if (taken && taken.id !== exceptId) throw new AppError('INTERVIEW.CODE_TAKEN');
}

/**
 * Interview events and their interview types (IVW-01): created and edited by whoever holds
 * interview.manage for the event (or, for a new event, for the recruitment event it links to).
 */
export function createSetupEvents({ db, audit }: SetupDeps) {
  /** Checks the linked recruitment event exists; its id is the scope a new event is created in. */
  async function checkRecruitmentEvent(tx: DbOrTx, id: string | null | undefined) {
    if (!id) return;
    if (!(await findEventById(tx, id))) throw new AppError('EVENT.NOT_FOUND');
  }

  return {
    /** Creates an event in its own transaction with its audit entry (IVW-01). */
    async createEvent(input: InterviewEventInput, ctx: ChangeContext): Promise<InterviewEvent> {
      return db.transaction(async (tx) => {
        // A new event has no id yet: the caller needs interview.manage globally or for the
        // recruitment event it links to.
        assertInterviewScope(ctx.principal, 'interview.manage', {
          interviewEventId: '',
          recruitmentEventId: input.recruitmentEventId ?? null,
        });
        await checkRecruitmentEvent(tx, input.recruitmentEventId);
        await assertCodeFree(tx, input.code);
        const [row] = await tx
          .insert(interviewEvent)
          .values({ ...input, recruitmentEventId: input.recruitmentEventId ?? null })
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview_event.created',
          targetType: 'interview_event',
          targetId: row!.id,
          result: 'success',
          details: { code: input.code, name: input.name },
        });
        return presentEvent(row!);
      });
    },

    /** Renames or relinks an event; the audit entry keeps the old and new values. */
    async updateEvent(id: string, input: InterviewEventInput, ctx: ChangeContext) {
      return db.transaction(async (tx) => {
        const { row, place } = await loadEvent(tx, id, true);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        // Moving the event to another recruitment event needs the right there too.
        if ((input.recruitmentEventId ?? null) !== row.recruitmentEventId)
          assertInterviewScope(ctx.principal, 'interview.manage', {
            interviewEventId: row.id,
            recruitmentEventId: input.recruitmentEventId ?? null,
          });
        await checkRecruitmentEvent(tx, input.recruitmentEventId);
        await assertCodeFree(tx, input.code, id);
        const [updated] = await tx
          .update(interviewEvent)
          .set({ ...input, recruitmentEventId: input.recruitmentEventId ?? null })
          .where(eq(interviewEvent.id, id))
          .returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview_event.updated',
          targetType: 'interview_event',
          targetId: id,
          result: 'success',
          details: { from: presentEvent(row), to: presentEvent(updated!) },
        });
        return presentEvent(updated!);
      });
    },

    /** The events the caller may read, newest first, each with what he may do there. */
    // Monitors hold interview.monitor only: their events are listed too, with that one permission.
    async myEvents(principal: Principal | undefined): Promise<MyInterviewEvent[]> {
      const ids = visibleEventIds(principal, 'interview.read');
      const monitorIds = visibleEventIds(principal, 'interview.monitor');
      const all = ids === 'all' || monitorIds === 'all';
      const wanted = all ? [] : [...new Set([...(ids as string[]), ...(monitorIds as string[])])];
      if (!all && wanted.length === 0) return [];
      const rows = await db
        .select()
        .from(interviewEvent)
        .where(
          all
            ? undefined
            : or(
                inArray(interviewEvent.id, wanted),
                inArray(interviewEvent.recruitmentEventId, wanted),
              ),
        )
        .orderBy(asc(interviewEvent.status), asc(interviewEvent.code))
        .limit(200);
      return rows.map((row) => ({
        ...presentEvent(row),
        permissions: permissionsInEvent(principal, {
          interviewEventId: row.id,
          recruitmentEventId: row.recruitmentEventId,
        }),
      }));
    },

    /** The event's interview types by kind, for the overview. */
    async types(tx: DbOrTx, eventId: string): Promise<InterviewType[]> {
      const rows = await tx
        .select()
        .from(interviewType)
        .where(eq(interviewType.interviewEventId, eventId))
        .orderBy(asc(interviewType.kind));
      return rows.map((t) => ({
        id: t.id,
        kind: t.kind,
        name: t.name,
        examinerCount: t.examinerCount,
        indicators: t.indicators as InterviewType['indicators'],
        gradeBands: t.gradeBands as InterviewType['gradeBands'],
      }));
    },

    /** Creates or replaces the event's type of this kind (one type per kind and event). */
    // The rules are checked before the transaction: a refused type never takes a lock.
    async putType(eventId: string, input: InterviewTypeInput, ctx: ChangeContext) {
      assertNoProblems(typeProblems(input));
      return db.transaction(async (tx) => {
        const { place } = await loadEvent(tx, eventId);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        const [existing] = await tx
          .select()
          .from(interviewType)
          .where(
            and(eq(interviewType.interviewEventId, eventId), eq(interviewType.kind, input.kind)),
          );
        const values = { ...input, interviewEventId: eventId };
        const [row] = existing
          ? await tx
              .update(interviewType)
              .set(values)
              .where(eq(interviewType.id, existing.id))
              .returning()
          : await tx.insert(interviewType).values(values).returning();
        await audit.record(tx, {
          ...auditBase(ctx),
          action: existing ? 'interview_type.updated' : 'interview_type.created',
          targetType: 'interview_type',
          targetId: row!.id,
          result: 'success',
          details: { eventId, from: existing ?? null, to: input },
        });
        return { id: row!.id, ...input };
      });
    },

    /** Deletes a type no group uses yet (a group's type decides its panel). */
    // Types are deleted, not archived: an unused type has no history worth keeping but its audit entry.
    async deleteType(eventId: string, typeId: string, ctx: ChangeContext) {
      await db.transaction(async (tx) => {
        const { place } = await loadEvent(tx, eventId);
        assertInterviewScope(ctx.principal, 'interview.manage', place);
        const [used] = await tx
          .select({ id: interviewGroup.id })
          .from(interviewGroup)
          .where(eq(interviewGroup.typeId, typeId))
          .limit(1);
        if (used) throw new AppError('INTERVIEW.IN_USE', { message: '已有面试组使用该面试类型' });
        const deleted = await tx
          .delete(interviewType)
          .where(and(eq(interviewType.id, typeId), eq(interviewType.interviewEventId, eventId)))
          .returning();
        if (deleted.length === 0) throw new AppError('INTERVIEW.NOT_FOUND');
        await audit.record(tx, {
          ...auditBase(ctx),
          action: 'interview_type.deleted',
          targetType: 'interview_type',
          targetId: typeId,
          result: 'success',
          details: { eventId, kind: deleted[0]!.kind },
        });
      });
    },
  };
}
