import type {
  InterviewBrochureRow,
  InterviewCandidateRow,
  InterviewExaminerRow,
  InterviewPositionRow,
} from '@kaolu/contracts';
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import type { CryptoProvider } from '../../platform/crypto';
import { maskIdNumber, maskName } from '../../platform/masking';
import { selectionPositionsOf } from '../positions';
import { unitsByIdOf } from '../units';
import {
  interviewCandidate,
  interviewExaminer,
  interviewGroup,
  interviewPosition,
} from './interview.table';
import { loadEvent } from './setup-events.service';
import { examinerNameOf } from './setup-queries';
import { assertInterviewScope } from './setup-scope';

// The browse lists' query: server paging and one keyword.
type Search = { page: number; pageSize: number; keyword?: string };
// A keyword is matched literally: % and _ typed by the user are not wildcards.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Browsing an interview event (IVW-03): candidates (masked), positions, examiners (masked) and
 * the linked recruitment event's brochure, paged on the server. Event-wide reads need
 * interview.read for the whole event.
 */
export function createSetupBrowse(deps: { db: Db; crypto: CryptoProvider }) {
  const { db, crypto } = deps;

  /** The event, after checking the caller may read it as a whole. */
  async function open(eventId: string, principal: Principal | undefined) {
    const { row, place } = await loadEvent(db, eventId);
    assertInterviewScope(principal, 'interview.read', place);
    return row;
  }

  return {
    /** Candidates by ticket number; the keyword matches a ticket, a position code or an ID number. */
    async candidates(eventId: string, q: Search, principal: Principal | undefined) {
      await open(eventId, principal);
      const conditions: SQL[] = [eq(interviewCandidate.interviewEventId, eventId)];
      if (q.keyword) {
        const like = `%${escapeLike(q.keyword)}%`;
        // An ID number is found through its blind index only: the sealed column cannot be searched.
        conditions.push(
          or(
            ilike(interviewCandidate.ticketNumber, like),
            ilike(interviewPosition.code, like),
            eq(
              interviewCandidate.idNumberBidx,
              crypto.blindIndex('id_number', q.keyword.toUpperCase()),
            ),
          )!,
        );
      }
      // The count and the page share one condition, so the total always matches the rows.
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select({ c: interviewCandidate, p: interviewPosition })
          .from(interviewCandidate)
          .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
          .where(where)
          .orderBy(asc(interviewCandidate.ticketNumber))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ n: count() })
          .from(interviewCandidate)
          .innerJoin(interviewPosition, eq(interviewPosition.id, interviewCandidate.positionId))
          .where(where),
      ]);
      // Opened to mask only: the answer never carries a clear name or ID number.
      const items: InterviewCandidateRow[] = rows.map(({ c, p }) => {
        const ad = (column: string) => ({ table: 'interview_candidate', column, rowId: c.id });
        return {
          id: c.id,
          ticketNumber: c.ticketNumber,
          name: maskName(crypto.decryptField(c.nameEnc, ad('name'))),
          idNumber: maskIdNumber(crypto.decryptField(c.idNumberEnc, ad('id_number'))),
          gender: c.gender === 'male' ? '男' : c.gender === 'female' ? '女' : null,
          positionCode: p.code,
          positionTitle: p.title,
          unitName: p.unitName,
          hasPsych: c.psych !== null,
        };
      });
      return { items, total: total?.n ?? 0 };
    },

    /** Positions with the group that keeps them and how many candidates each has. */
    async positions(eventId: string, q: Search, principal: Principal | undefined) {
      await open(eventId, principal);
      const like = q.keyword ? `%${escapeLike(q.keyword)}%` : undefined;
      const where = and(
        eq(interviewPosition.interviewEventId, eventId),
        like
          ? or(
              ilike(interviewPosition.code, like),
              ilike(interviewPosition.title, like),
              ilike(interviewPosition.unitName, like),
            )
          : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select({
            p: interviewPosition,
            groupName: interviewGroup.name,
            // A correlated count keeps the page query one statement at any page size.
            candidates: sql<number>`(select count(*)::int from interview_candidate c where c.position_id = ${interviewPosition.id})`,
          })
          .from(interviewPosition)
          .leftJoin(interviewGroup, eq(interviewGroup.id, interviewPosition.groupId))
          .where(where)
          .orderBy(asc(interviewPosition.code))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(interviewPosition).where(where),
      ]);
      const items: InterviewPositionRow[] = rows.map(({ p, groupName, candidates }) => ({
        id: p.id,
        code: p.code,
        title: p.title,
        unitName: p.unitName,
        major: p.major,
        groupName,
        candidates: Number(candidates),
      }));
      return { items, total: total?.n ?? 0 };
    },

    /** Examiners masked; only their code and unit are searched (the name is sealed). */
    async examiners(eventId: string, q: Search, principal: Principal | undefined) {
      await open(eventId, principal);
      const like = q.keyword ? `%${escapeLike(q.keyword)}%` : undefined;
      const where = and(
        eq(interviewExaminer.interviewEventId, eventId),
        like
          ? or(ilike(interviewExaminer.code, like), ilike(interviewExaminer.unitName, like))
          : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(interviewExaminer)
          .where(where)
          .orderBy(asc(interviewExaminer.code))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(interviewExaminer).where(where),
      ]);
      const items: InterviewExaminerRow[] = rows.map((e) => ({
        id: e.id,
        code: e.code,
        name: examinerNameOf(crypto, e, false),
        unitName: e.unitName,
        district: e.district,
        chiefCapable: e.chiefCapable,
        professionalCapable: e.professionalCapable,
        fixed: e.fixed,
        conflicts:
          (e.conflictUnitIds as string[]).length + (e.conflictPositionCodes as string[]).length,
      }));
      return { items, total: total?.n ?? 0 };
    },

    /** The linked recruitment event's published positions, marking those interviewed here. */
    async brochure(eventId: string, q: Search, principal: Principal | undefined) {
      const event = await open(eventId, principal);
      if (!event.recruitmentEventId) return { items: [], total: 0 };
      const all = await selectionPositionsOf(db, event.recruitmentEventId);
      const units = await unitsByIdOf(
        db,
        all.map((p) => p.unitId),
      );
      // Which brochure positions this event interviews, matched by position code.
      const interviewed = new Set(
        (
          await db
            .select({ code: interviewPosition.code })
            .from(interviewPosition)
            .where(eq(interviewPosition.interviewEventId, eventId))
        ).map((p) => p.code),
      );
      const rows: InterviewBrochureRow[] = all
        .map((p) => ({
          id: p.id,
          code: p.code,
          title: p.title,
          unitName: units.get(p.unitId)?.name ?? '',
          headcount: p.headcount,
          interviewed: interviewed.has(p.code),
        }))
        .filter(
          (p) => !q.keyword || [p.code, p.title, p.unitName].some((t) => t.includes(q.keyword!)),
        );
      // A brochure holds at most a few thousand positions: paged in memory after one query.
      const start = (q.page - 1) * q.pageSize;
      return { items: rows.slice(start, start + q.pageSize), total: rows.length };
    },
  };
}
