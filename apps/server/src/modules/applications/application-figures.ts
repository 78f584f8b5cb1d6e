import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { positionApplication } from './application.table';

/** An event's position applications: submitted (withdrawn ones left out) and approved by the units. */
export type ApplicationFigures = { submitted: number; approved: number };

/**
 * Position-application figures of one event (NFR-HIS-1 comparison). A change of position withdraws
 * the old application, so leaving withdrawn ones out counts each candidate's application once.
 */
export async function countApplicationFigures(
  db: DbOrTx,
  eventId: string,
): Promise<ApplicationFigures> {
  // One pass with filtered counts instead of two queries; ::int because count(*) is a bigint.
  const [row] = await db
    .select({
      submitted: sql<number>`count(*) filter (where ${positionApplication.status} <> 'withdrawn')::int`,
      approved: sql<number>`count(*) filter (where ${positionApplication.status} = 'approved')::int`,
    })
    .from(positionApplication)
    .where(eq(positionApplication.eventId, eventId));
  return { submitted: Number(row?.submitted ?? 0), approved: Number(row?.approved ?? 0) };
}
