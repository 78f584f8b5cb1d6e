import type { EventStatus, EventType, PageQuery, PublicEvent } from '@kaolu/contracts';
import { count, desc, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { recruitmentEvent } from './event.table';

// Drafts are the org department's work in progress; the public never sees them.
const visible = ne(recruitmentEvent.status, 'draft');

/** Events visible to the public, newest year first. */
export async function findPublicEvents(db: DbOrTx, page: PageQuery): Promise<{ items: PublicEvent[]; total: number }> {
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: recruitmentEvent.id,
        code: recruitmentEvent.code,
        name: recruitmentEvent.name,
        type: recruitmentEvent.type,
        year: recruitmentEvent.year,
        status: recruitmentEvent.status,
      })
      .from(recruitmentEvent)
      .where(visible)
      .orderBy(desc(recruitmentEvent.year), desc(recruitmentEvent.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(recruitmentEvent).where(visible),
  ]);
  const items = rows.map((r) => ({ ...r, type: r.type as EventType, status: r.status as EventStatus }));
  return { items, total: totals?.total ?? 0 };
}

/** Whether any event exists: the demo seed runs only on an empty database. */
export async function hasAnyEvent(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: recruitmentEvent.id }).from(recruitmentEvent).limit(1);
  return rows.length > 0;
}
