import { and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { ComputedComposite, StoredScore } from './composite-computation';
import {
  compositeResult,
  compositeRun,
  compositeVersion,
  interviewScore,
  type INTERVIEW_SCORE_SOURCES,
} from './composite.table';

// Drizzle only, over the composite module's own tables; every function takes the db or a tx.

export type InterviewScoreSource = (typeof INTERVIEW_SCORE_SOURCES)[number];
/** A checked score ready to be written: the candidate, his position and the values. */
export type ScoreWrite = StoredScore & { candidateId: string; positionId: string };
export type CompositeRunRow = typeof compositeRun.$inferSelect;
export type CompositeResultRow = typeof compositeResult.$inferSelect;

/** Writes scores, replacing a candidate's earlier ones, and marks a computed composite stale. */
export async function upsertScores(
  tx: DbOrTx,
  eventId: string,
  rows: readonly ScoreWrite[],
  meta: { source: InterviewScoreSource; recordedBy: string; at: Date },
): Promise<void> {
  // Batches of 500 keep each statement under the driver's parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => ({
      eventId,
      candidateId: r.candidateId,
      positionId: r.positionId,
      structuredCenti: r.structured,
      professionalCenti: r.professional,
      absent: r.absent,
      source: meta.source,
      recordedAt: meta.at,
      recordedBy: meta.recordedBy,
    }));
    await tx
      .insert(interviewScore)
      .values(values)
      .onConflictDoUpdate({
        target: [interviewScore.eventId, interviewScore.candidateId],
        set: {
          positionId: sql`excluded.position_id`,
          structuredCenti: sql`excluded.structured_centi`,
          professionalCenti: sql`excluded.professional_centi`,
          absent: sql`excluded.absent`,
          source: sql`excluded.source`,
          recordedAt: sql`excluded.recorded_at`,
          recordedBy: sql`excluded.recorded_by`,
        },
      });
  }
  // New scores after a computation: publication must wait for a recomputation (COMPOSITE.STALE).
  await tx.update(compositeRun).set({ stale: true }).where(eq(compositeRun.eventId, eventId));
}

/** The event's interview scores by candidate. */
export async function scoresOf(db: DbOrTx, eventId: string): Promise<Map<string, StoredScore>> {
  const rows = await db.select().from(interviewScore).where(eq(interviewScore.eventId, eventId));
  return new Map(
    rows.map((r) => [
      r.candidateId,
      { structured: r.structuredCenti, professional: r.professionalCenti, absent: r.absent },
    ]),
  );
}

/** The event's composite state, locked for update inside a change. */
export async function findRun(
  db: DbOrTx,
  eventId: string,
  lock = false,
): Promise<CompositeRunRow | undefined> {
  const query = db.select().from(compositeRun).where(eq(compositeRun.eventId, eventId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Replaces the event's results with a new computation and records its run and history entry. */
export async function saveComputation(
  tx: DbOrTx,
  eventId: string,
  results: readonly ComputedComposite[],
  meta: { version: number; policyVersion: number; by: string; at: Date },
): Promise<void> {
  // The current rows are replaced as a whole; the history keeps the previous ones (NFR-HIS-1).
  await tx.delete(compositeResult).where(eq(compositeResult.eventId, eventId));
  for (let i = 0; i < results.length; i += 500) {
    const values = results.slice(i, i + 500).map((r) => ({ ...r, eventId, version: meta.version }));
    await tx.insert(compositeResult).values(values);
  }
  const run = {
    version: meta.version,
    policyVersion: meta.policyVersion,
    computedAt: meta.at,
    computedBy: meta.by,
    stale: false,
  };
  await tx
    .insert(compositeRun)
    .values({ eventId, ...run })
    .onConflictDoUpdate({ target: compositeRun.eventId, set: run });
  await insertVersion(tx, eventId, 'computed', results, meta);
}

/** Marks the current computation published and keeps the published rows in the history. */
export async function savePublication(
  tx: DbOrTx,
  eventId: string,
  results: readonly CompositeResultRow[],
  meta: { version: number; policyVersion: number; by: string; at: Date },
): Promise<void> {
  // The published rows are the computed ones: publication changes no figure.
  await tx
    .update(compositeRun)
    .set({ publishedAt: meta.at, publishedBy: meta.by })
    .where(eq(compositeRun.eventId, eventId));
  await insertVersion(tx, eventId, 'published', results, meta);
}

async function insertVersion(
  tx: DbOrTx,
  eventId: string,
  action: 'computed' | 'published',
  results: readonly object[],
  meta: { version: number; policyVersion: number; by: string },
): Promise<void> {
  await tx.insert(compositeVersion).values({
    eventId,
    version: meta.version,
    action,
    policyVersion: meta.policyVersion,
    results,
    createdBy: meta.by,
  });
}

/** The event's results, optionally of one position and within the caller's unit scope. */
export async function resultsOf(
  db: DbOrTx,
  eventId: string,
  filter: { positionId?: string; scope?: SQL } = {},
): Promise<CompositeResultRow[]> {
  return db
    .select()
    .from(compositeResult)
    .where(
      and(
        eq(compositeResult.eventId, eventId),
        filter.positionId ? eq(compositeResult.positionId, filter.positionId) : undefined,
        filter.scope,
      ),
    )
    .orderBy(asc(compositeResult.positionId), asc(compositeResult.rank));
}

/** A candidate's published results, every event (nothing before publication, §7). */
export async function publishedResultsOf(db: DbOrTx, candidateId: string) {
  return db
    .select({ r: compositeResult, publishedAt: compositeRun.publishedAt })
    .from(compositeResult)
    .innerJoin(compositeRun, eq(compositeRun.eventId, compositeResult.eventId))
    .where(and(eq(compositeResult.candidateId, candidateId), isNotNull(compositeRun.publishedAt)));
}

/** The event's history entries, newest first, with the number of rows each kept. */
export async function versionsOf(db: DbOrTx, eventId: string) {
  return db
    .select({
      version: compositeVersion.version,
      action: compositeVersion.action,
      // Counted in SQL: the page lists versions without loading their snapshots.
      candidates: sql<number>`jsonb_array_length(${compositeVersion.results})`.mapWith(Number),
      createdBy: compositeVersion.createdBy,
      createdAt: compositeVersion.createdAt,
    })
    .from(compositeVersion)
    .where(eq(compositeVersion.eventId, eventId))
    .orderBy(desc(compositeVersion.createdAt));
}
