import type { NoticeKind } from '@kaolu/contracts';
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { getNoticeRow, noticeRecipientsOf, presentNotice } from './notice-rows';
import { notice, noticeRecipient, noticeVersion } from './notice.table';

/**
 * The read side of notices: the staff list, one notice and its versions (REG-03/04), and the
 * public site's list and detail, which show published notices only.
 */
export function createNoticeQueries(db: Db) {
  return {
    /** Staff list of notices, last changed first, with the number of candidates each names. */
    async list(query: { page: number; pageSize: number; eventId?: string; kind?: NoticeKind }) {
      const parts: SQL[] = [];
      if (query.eventId) parts.push(eq(notice.eventId, query.eventId));
      if (query.kind) parts.push(eq(notice.kind, query.kind));
      const where = parts.length ? and(...parts) : undefined;
      const [rows, [totals]] = await Promise.all([
        db
          .select()
          .from(notice)
          .where(where)
          .orderBy(desc(notice.updatedAt))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(notice).where(where),
      ]);
      // One grouped count for the page's notices instead of one query per row.
      const counts = rows.length
        ? await db
            .select({ id: noticeRecipient.noticeId, n: count() })
            .from(noticeRecipient)
            .where(
              inArray(
                noticeRecipient.noticeId,
                rows.map((r) => r.id),
              ),
            )
            .groupBy(noticeRecipient.noticeId)
        : [];
      const byId = new Map(counts.map((c) => [c.id, c.n]));
      return {
        items: rows.map((r) => {
          const { body: _b, ...rest } = presentNotice(r, byId.get(r.id) ?? 0);
          return rest;
        }),
        total: totals?.n ?? 0,
      };
    },

    /** One notice for the edit page, whatever its status. */
    async get(id: string) {
      const row = await getNoticeRow(db, id);
      return presentNotice(row, (await noticeRecipientsOf(db, id)).length);
    },

    // Every version of a notice, newest first (REG-03/04).
    versions: (id: string) =>
      db
        .select()
        .from(noticeVersion)
        .where(eq(noticeVersion.noticeId, id))
        .orderBy(desc(noticeVersion.version)),

    /** Published notices for the public site, newest first. */
    async findPublic(query: {
      page: number;
      pageSize: number;
      eventId?: string;
      kind?: NoticeKind;
    }) {
      const parts: SQL[] = [eq(notice.status, 'published')];
      if (query.eventId) parts.push(eq(notice.eventId, query.eventId));
      if (query.kind) parts.push(eq(notice.kind, query.kind));
      const where = and(...parts);
      const [rows, [totals]] = await Promise.all([
        db
          .select({ id: notice.id, title: notice.title, publishedAt: notice.publishedAt })
          .from(notice)
          .where(where)
          .orderBy(desc(notice.publishedAt))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(notice).where(where),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          publishedAt: r.publishedAt!.toISOString(),
        })),
        total: totals?.n ?? 0,
      };
    },

    /** One published notice for the public site; anything else is NOTICE.NOT_FOUND. */
    async getPublic(id: string) {
      const row = await getNoticeRow(db, id);
      if (row.status !== 'published') throw new AppError('NOTICE.NOT_FOUND');
      return {
        id: row.id,
        title: row.title,
        body: row.body,
        kind: row.kind as NoticeKind,
        eventId: row.eventId,
        version: row.version,
        publishedAt: row.publishedAt!.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
    },
  };
}
