import type { CheckinList, CheckinResult, CheckinStats } from '@kaolu/contracts';
import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { Principal } from '../../platform/auth/access';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskPersonalData } from '../../platform/masking';
import { findCandidatePhoto, hasCandidatePhoto } from '../profiles';
import { assertInterviewEventInScope } from './checkin-scope';
import {
  interviewCandidate,
  interviewEvent,
  interviewGroup,
  interviewPosition,
  interviewSession,
} from './interview.table';

type CandidateRow = typeof interviewCandidate.$inferSelect;
const ID_NUMBER = /^\d{17}[\dXx]$/;
// Sealed fields of an imported candidate, bound to their row (same shape as the candidates module).
const ad = (rowId: string, column: 'name' | 'id_number') => ({
  table: 'interview_candidate',
  column,
  rowId,
});

/**
 * Candidate check-in (IVW-05): a desk finds the candidate by the ID number a reader typed or posted
 * (blind index), or by ticket number typed by hand; the first check-in is kept, a second one says
 * when the first was. Every check-in is audited without the clear ID number.
 */
export function createCheckinService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  now: () => Date;
}) {
  const { db, crypto, audit, now } = deps;

  /** The interview event, or a clear 404 before any scope or look-up work. */
  async function getEvent(id: string) {
    const [event] = await db.select().from(interviewEvent).where(eq(interviewEvent.id, id));
    if (!event) throw new AppError('INTERVIEW.EVENT_NOT_FOUND');
    return event;
  }

  /** The event, once the caller's interview.checkin grant is known to reach it. */
  async function eventInScope(id: string, principal: Principal | undefined) {
    const event = await getEvent(id);
    assertInterviewEventInScope(principal, 'interview.checkin', event);
    return event;
  }

  async function findByCode(eventId: string, code: string): Promise<CandidateRow | undefined> {
    // Only candidates of this event: a number read at another event's desk is not found here.
    const byEvent = eq(interviewCandidate.interviewEventId, eventId);
    // An 18-digit number is an ID number (reader or hand), looked up by blind index; the clear number
    // is never stored or compared. Anything else, or an ID number not found, is tried as a ticket number.
    if (ID_NUMBER.test(code)) {
      const bidx = crypto.blindIndex('id_number', code.toUpperCase());
      const [row] = await db
        .select()
        .from(interviewCandidate)
        .where(and(byEvent, eq(interviewCandidate.idNumberBidx, bidx)));
      if (row) return row;
    }
    const [row] = await db
      .select()
      .from(interviewCandidate)
      .where(and(byEvent, eq(interviewCandidate.ticketNumber, code)));
    return row;
  }

  /** Position, unit and group of a candidate, as the desk shows them. */
  async function placeOf(positionId: string) {
    const [place] = await db
      .select({
        title: interviewPosition.title,
        unitName: interviewPosition.unitName,
        groupName: interviewGroup.name,
      })
      .from(interviewPosition)
      .leftJoin(interviewGroup, eq(interviewGroup.id, interviewPosition.groupId))
      .where(eq(interviewPosition.id, positionId));
    return place!;
  }

  /** Checks a found candidate in (or reports the first check-in) and audits it in one transaction. */
  async function checkInRow(
    row: CandidateRow,
    via: 'reader' | 'manual' | 'bridge',
    by: string,
    ctx: ChangeContext,
    deskId?: string,
  ): Promise<CheckinResult> {
    const { first, at } = await db.transaction(async (tx) => {
      // Guarded by "not yet checked in": two desks reading the same card race to one first check-in.
      const [updated] = await tx
        .update(interviewCandidate)
        .set({ checkedInAt: now(), checkedInBy: by })
        .where(and(eq(interviewCandidate.id, row.id), isNull(interviewCandidate.checkedInAt)))
        .returning({ at: interviewCandidate.checkedInAt });
      const [current] = updated
        ? [{ at: updated.at! }]
        : await tx
            .select({ at: interviewCandidate.checkedInAt })
            .from(interviewCandidate)
            .where(eq(interviewCandidate.id, row.id));
      await audit.record(tx, {
        ...auditBase(ctx),
        action: updated ? 'interview_candidate.checked_in' : 'interview_candidate.checkin_repeated',
        targetType: 'interview_candidate',
        targetId: row.id,
        result: 'success',
        details: { via, by, deskId, firstCheckedInAt: current!.at!.toISOString() },
      });
      return { first: Boolean(updated), at: current!.at! };
    });
    const place = await placeOf(row.positionId);
    return {
      interviewCandidateId: row.id,
      nameMasked: maskPersonalData(crypto.decryptField(row.nameEnc, ad(row.id, 'name')), 'name'),
      idNumberMasked: maskPersonalData(
        crypto.decryptField(row.idNumberEnc, ad(row.id, 'id_number')),
        'id_number',
      ),
      ticketNumber: row.ticketNumber,
      positionTitle: place.title,
      unitName: place.unitName,
      groupName: place.groupName ?? null,
      checkedInAt: at.toISOString(),
      already: !first,
      hasPhoto: row.candidateId ? await hasCandidatePhoto(db, row.candidateId) : false,
    };
  }

  /** The candidate a desk's number names, or the Chinese 404 the desk shows. */
  async function found(eventId: string, code: string): Promise<CandidateRow> {
    const row = await findByCode(eventId, code.trim());
    if (!row) throw new AppError('CHECKIN.CANDIDATE_NOT_FOUND');
    return row;
  }

  return {
    getEvent,
    eventInScope,

    /** A staff desk: reader keyboard input or a number typed by hand. */
    async checkIn(
      eventId: string,
      input: { code: string; via: 'reader' | 'manual' },
      ctx: ChangeContext,
    ): Promise<CheckinResult> {
      await eventInScope(eventId, ctx.principal);
      const by = ctx.actor.kind === 'staff' ? ctx.actor.username : 'system';
      return checkInRow(await found(eventId, input.code), input.via, by, ctx);
    },

    /** A reader bridge posting for its desk: the desk's event is its whole scope. */
    async checkInFromDesk(
      desk: { id: string; interviewEventId: string; name: string },
      idNumber: string,
      ctx: ChangeContext,
    ): Promise<CheckinResult> {
      const row = await found(desk.interviewEventId, idNumber);
      // The audit names the desk as the actor: no staff session stands behind a bridge post.
      const deskCtx: ChangeContext = { ...ctx, actor: { kind: 'system', id: `desk:${desk.id}` } };
      return checkInRow(row, 'bridge', `签到台：${desk.name}`, deskCtx, desk.id);
    },

    /** The registered photo of an interview candidate linked to a profile, or undefined. */
    async photoOf(eventId: string, interviewCandidateId: string, principal?: Principal) {
      await eventInScope(eventId, principal);
      const [row] = await db
        .select({ candidateId: interviewCandidate.candidateId })
        .from(interviewCandidate)
        .where(
          and(
            eq(interviewCandidate.id, interviewCandidateId),
            eq(interviewCandidate.interviewEventId, eventId),
          ),
        );
      if (!row) throw new AppError('CHECKIN.CANDIDATE_NOT_FOUND');
      return row.candidateId ? findCandidatePhoto(db, row.candidateId) : undefined;
    },

    /** Checked in / expected per session, group and position, and the totals (IVW-05). */
    async stats(eventId: string, principal?: Principal): Promise<CheckinStats> {
      await eventInScope(eventId, principal);
      const rows = await candidatesOf(eventId);
      // One line per session, group and position: the desk's view of who is still expected.
      const byKey = new Map<string, CheckinStats['rows'][number]>();
      for (const r of rows) {
        const sessionLabel = r.day
          ? `${r.day} ${r.halfDay === 'am' ? '上午' : '下午'}`
          : '未排场次';
        const key = `${sessionLabel}|${r.groupName ?? ''}|${r.positionTitle}`;
        const line = byKey.get(key) ?? {
          sessionLabel,
          groupName: r.groupName ?? '未分组',
          positionTitle: r.positionTitle,
          checkedIn: 0,
          expected: 0,
        };
        line.expected += 1;
        if (r.checkedInAt) line.checkedIn += 1;
        byKey.set(key, line);
      }
      const lines = [...byKey.values()].sort((a, b) =>
        `${a.sessionLabel}${a.groupName}${a.positionTitle}`.localeCompare(
          `${b.sessionLabel}${b.groupName}${b.positionTitle}`,
          'zh-CN',
        ),
      );
      return {
        checkedIn: rows.filter((r) => r.checkedInAt).length,
        expected: rows.length,
        rows: lines,
      };
    },

    /** Who is in and who is missing, optionally of one group (names masked). */
    async list(
      eventId: string,
      query: { state: 'all' | 'in' | 'missing'; groupId?: string },
      principal?: Principal,
    ): Promise<CheckinList> {
      await eventInScope(eventId, principal);
      const state =
        query.state === 'in'
          ? isNotNull(interviewCandidate.checkedInAt)
          : query.state === 'missing'
            ? isNull(interviewCandidate.checkedInAt)
            : undefined;
      const group = query.groupId ? eq(interviewPosition.groupId, query.groupId) : undefined;
      const rows = await candidatesOf(eventId, and(state, group));
      return {
        items: rows.map((r) => ({
          interviewCandidateId: r.id,
          nameMasked: maskPersonalData(crypto.decryptField(r.nameEnc, ad(r.id, 'name')), 'name'),
          ticketNumber: r.ticketNumber,
          positionTitle: r.positionTitle,
          groupName: r.groupName ?? null,
          checkedInAt: r.checkedInAt?.toISOString() ?? null,
        })),
      };
    },
  };

  /** The event's candidates with position, group and session, by ticket number. */
  function candidatesOf(eventId: string, extra?: SQL) {
    return db
      .select({
        id: interviewCandidate.id,
        nameEnc: interviewCandidate.nameEnc,
        ticketNumber: interviewCandidate.ticketNumber,
        checkedInAt: interviewCandidate.checkedInAt,
        positionTitle: interviewPosition.title,
        groupName: interviewGroup.name,
        day: interviewSession.day,
        halfDay: interviewSession.halfDay,
      })
      .from(interviewCandidate)
      .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
      .leftJoin(interviewGroup, eq(interviewGroup.id, interviewPosition.groupId))
      .leftJoin(interviewSession, eq(interviewSession.id, interviewCandidate.sessionId))
      .where(and(eq(interviewCandidate.interviewEventId, eventId), extra))
      .orderBy(interviewCandidate.ticketNumber);
  }
}

export type CheckinService = ReturnType<typeof createCheckinService>;
