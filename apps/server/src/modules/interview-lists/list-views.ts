import type {
  ListFiguresQuery,
  ListVersionAction,
  ListVersion,
  MyListStatus,
  PublicListPage,
} from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Principal } from '../../platform/auth/access';
import { scopeAllows, scopeOf } from '../../platform/auth/permission-scope';
import { AppError } from '../../platform/errors/app-error';
import { maskName } from '../../platform/masking';
import { assertEventInScope, findEventById } from '../events';
import { interviewListPosition } from './interview-list.table';
import { peopleOf, ratioText, toEntryViews, toFigure } from './list-presenter';
import {
  findEntriesOfPositions,
  findFiguresPage,
  findPositionEntries,
  findPositionList,
  findPublishedEntriesOf,
  findPublishedEvents,
  findVersion,
  findVersions,
  listScopeCondition,
} from './list-views.repository';
import type { VersionPosition } from './list-publication';

// Hundredths as decimal text ("70.00"), the way every score is shown; null stays null (no line).
const centiText = (v: number | null) => (v === null ? null : formatCenti(v));

/**
 * The reads of the lists (INT-02, §7, NFR-HIS-1): staff figures and entries within the caller's
 * scope, the kept versions, the candidate's own status and the public page — the last two only
 * once a position's list is published, never before.
 */
export function createListViews(deps: { db: Db }) {
  const { db } = deps;

  /** A position's list row if it lies in the event and the caller's scope, else 404. */
  async function positionInScope(eventId: string, positionId: string, principal?: Principal) {
    const row = await findPositionList(db, positionId);
    const scope = scopeOf(principal, 'interview_list.read');
    const reach = (unitId: string | null) => scopeAllows(scope, { unitId, eventId });
    // 404 rather than 403: a unit user learns nothing of another unit's positions.
    if (!row || row.eventId !== eventId || !(reach(row.unitId) || reach(row.unitParentId)))
      throw new AppError('INTERVIEW_LIST.POSITION_NOT_FOUND');
    return row;
  }

  return {
    positionInScope,

    /** One page of figures: the event scope first (403), then the unit scope as a SQL condition. */
    async figures(eventId: string, principal: Principal | undefined, q: ListFiguresQuery) {
      assertEventInScope(principal, 'interview_list.read', eventId);
      const page = await findFiguresPage(db, eventId, listScopeCondition(principal), q);
      return { items: page.rows.map(toFigure), total: page.total, counts: page.counts };
    },

    /** A position's figures and entries, 404 outside the caller's units. */
    async positionList(eventId: string, positionId: string, principal: Principal | undefined) {
      assertEventInScope(principal, 'interview_list.read', eventId);
      const row = await positionInScope(eventId, positionId, principal);
      const entries = await findPositionEntries(db, positionId);
      return { figures: toFigure(row), entries: await toEntryViews(db, eventId, entries) };
    },

    /** Kept versions, newest first; the counts are summed in SQL from the stored positions. */
    async versions(eventId: string, principal: Principal | undefined) {
      assertEventInScope(principal, 'interview_list.read', eventId);
      const rows = await findVersions(db, eventId);
      return {
        items: rows.map((r) => ({
          ...r,
          action: r.action as ListVersionAction,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    /** One kept version; a unit user sees only his positions of it. */
    async version(
      eventId: string,
      id: string,
      principal: Principal | undefined,
    ): Promise<ListVersion> {
      assertEventInScope(principal, 'interview_list.read', eventId);
      const row = await findVersion(db, eventId, id);
      if (!row) throw new AppError('INTERVIEW_LIST.VERSION_NOT_FOUND');
      const scope = scopeOf(principal, 'interview_list.read');
      const all = row.positions as VersionPosition[];
      const items = all
        .filter(
          (p) =>
            scopeAllows(scope, { unitId: p.unitId, eventId }) ||
            scopeAllows(scope, { unitId: p.unitParentId, eventId }),
        )
        .map((p) => ({
          positionId: p.positionId,
          positionCode: p.positionCode,
          positionTitle: p.positionTitle,
          unitName: p.unitName,
          headcount: p.headcount,
          ratio: ratioText(p.ratioCenti),
          quota: p.quota,
          line: centiText(p.lineCenti),
          listed: p.listed,
          shortfall: p.shortfall,
        }));
      return {
        id: row.id,
        action: row.action as ListVersionAction,
        createdBy: row.createdBy,
        createdAt: row.createdAt.toISOString(),
        positions: items.length,
        listed: items.reduce((n, p) => n + p.listed, 0),
        items,
      };
    },

    /** The candidate's status per published list 面试资格: nothing before publication. */
    async mine(candidateId: string): Promise<{ items: MyListStatus[] }> {
      const rows = await findPublishedEntriesOf(db, candidateId);
      // A candidate applies in few events: one event read per event, not per entry.
      const names = new Map<string, string>();
      for (const { p } of rows)
        if (!names.has(p.eventId))
          names.set(p.eventId, (await findEventById(db, p.eventId))?.name ?? '');
      return {
        items: rows.map(({ e, p }) => ({
          eventId: p.eventId,
          eventName: names.get(p.eventId)!,
          positionCode: p.positionCode,
          positionTitle: p.positionTitle,
          unitName: p.unitName,
          onList: e.status === 'listed',
          status: e.status,
          round: e.round,
          rank: e.rank,
          writtenTotal: centiText(e.writtenTotalCenti),
          line: centiText(p.lineCenti),
          passLine: centiText(p.passLineCenti),
          quota: p.quota,
          reason: e.reason,
          publishedAt: p.publishedAt!.toISOString(),
        })),
      };
    },

    /** Events whose lists are (partly) published, newest first, for the notices area. */
    async publishedEvents() {
      const rows = await findPublishedEvents(db);
      const items = [];
      for (const r of rows) {
        const event = await findEventById(db, r.eventId);
        if (event)
          items.push({
            eventId: r.eventId,
            eventName: event.name,
            positions: r.positions,
            publishedAt: r.publishedAt.toISOString(),
          });
      }
      return { items: items.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)) };
    },

    /** The public page: published positions with their listed people, ticket and masked name. */
    async publicPage(
      eventId: string,
      q: { page: number; pageSize: number; keyword?: string },
    ): Promise<PublicListPage> {
      const event = await findEventById(db, eventId);
      // The keyword is matched literally, as on the staff search.
      const like = q.keyword ? `%${q.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const where = and(
        eq(interviewListPosition.eventId, eventId),
        eq(interviewListPosition.status, 'published'),
        like
          ? or(
              ilike(interviewListPosition.positionCode, like),
              ilike(interviewListPosition.positionTitle, like),
              ilike(interviewListPosition.unitName, like),
            )
          : undefined,
      );
      const [[total], rows] = await Promise.all([
        db.select({ n: count() }).from(interviewListPosition).where(where),
        db
          .select()
          .from(interviewListPosition)
          .where(where)
          .orderBy(asc(interviewListPosition.positionCode))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
      ]);
      // An unknown event and one without a published list answer alike: nothing to disclose.
      if (!event || ((total?.n ?? 0) === 0 && !q.keyword))
        throw new AppError('INTERVIEW_LIST.NOT_PUBLISHED');
      // Only the listed are published: who is not on a list is the candidate's own business.
      const entries = await findEntriesOfPositions(
        db,
        rows.map((r) => r.positionId),
        'listed',
      );
      const people = await peopleOf(
        db,
        eventId,
        entries.map((e) => e.candidateId),
      );
      return {
        eventName: event.name,
        total: total?.n ?? 0,
        items: rows.map((p) => ({
          positionCode: p.positionCode,
          positionTitle: p.positionTitle,
          unitName: p.unitName,
          headcount: p.headcount,
          line: centiText(p.lineCenti),
          people: entries
            .filter((e) => e.positionId === p.positionId)
            .map((e) => {
              const person = people.get(e.candidateId)!;
              return { ticketNumber: person.ticketNumber, name: maskName(person.name) };
            }),
        })),
      };
    },
  };
}

export type ListViews = ReturnType<typeof createListViews>;
