import type { NoticeKind, NoticeStatus } from '@kaolu/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { notice, noticeRecipient } from './notice.table';

// The notice reads both halves of the service share: the row, its named candidates, the staff shape.

/** A notice row as Drizzle reads it. */
export type NoticeRow = typeof notice.$inferSelect;

/** Notice row → staff API shape. */
export function presentNotice(n: NoticeRow, candidateCount: number) {
  return {
    id: n.id,
    eventId: n.eventId,
    kind: n.kind as NoticeKind,
    title: n.title,
    body: n.body,
    status: n.status as NoticeStatus,
    version: n.version,
    candidateCount,
    publishedAt: n.publishedAt?.toISOString() ?? null,
    updatedAt: n.updatedAt.toISOString(),
  };
}

/** One notice or NOTICE.NOT_FOUND; `lock` serialises concurrent edits of one notice. */
export async function getNoticeRow(tx: DbOrTx, id: string, lock = false): Promise<NoticeRow> {
  const query = tx.select().from(notice).where(eq(notice.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('NOTICE.NOT_FOUND');
  return row;
}

/** The candidates a notice names. */
export async function noticeRecipientsOf(tx: DbOrTx, id: string): Promise<string[]> {
  return (
    await tx
      .select({ id: noticeRecipient.candidateId })
      .from(noticeRecipient)
      .where(eq(noticeRecipient.noticeId, id))
  ).map((r) => r.id);
}
