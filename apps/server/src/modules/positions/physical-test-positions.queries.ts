import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { position } from './position.table';

/**
 * Published positions of the event whose brochure states a 体能测评要求 (the 应急执法 format's
 * `physicalTest` detail, INT-02): the positions a 体测 result applies to.
 */
export async function physicalTestPositionIdsOf(db: DbOrTx, eventId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: position.id })
    .from(position)
    .where(
      and(
        eq(position.eventId, eventId),
        eq(position.status, 'published'),
        sql`coalesce(trim(${position.details} ->> 'physicalTest'), '') <> ''`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}
