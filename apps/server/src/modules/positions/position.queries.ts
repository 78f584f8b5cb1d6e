import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { position } from './position.table';
import type { PositionRow } from './positions.repository';

// Read-only queries over positions for the later stages (applications, review): they never read
// the position table. A page of rows is fetched first, then its positions in one batch.

/** A published position of this event, or undefined (a draft or another event's position). */
export async function findPublishedPositionOf(
  db: DbOrTx,
  eventId: string,
  positionId: string,
): Promise<PositionRow | undefined> {
  const [row] = await db
    .select()
    .from(position)
    .where(
      and(
        eq(position.id, positionId),
        eq(position.eventId, eventId),
        eq(position.status, 'published'),
      ),
    );
  return row;
}

/** Positions by id as a map, for joining a page of rows with their positions in memory. */
export async function positionsByIdOf(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, PositionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(position)
    .where(inArray(position.id, [...new Set(ids)]));
  return new Map(rows.map((p) => [p.id, p]));
}

/** A WHERE condition: the row's position has a code like this LIKE pattern (a keyword search). */
export function positionCodeLike(positionId: AnyPgColumn, pattern: string): SQL {
  return sql`${positionId} in (select ${position.id} from ${position} where ${position.code} ilike ${pattern})`;
}
