import { eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { candidate } from './candidate.table';

// Read-only queries over the candidate record for other modules (NFR-MNT-1): they never read the table.

/** A candidate row: name, birth data, encrypted ID number and phone with their blind indexes. */
export type CandidateRecord = typeof candidate.$inferSelect;

/** The candidate with this id, or undefined. */
export async function findCandidateById(
  db: DbOrTx,
  id: string,
): Promise<CandidateRecord | undefined> {
  const [row] = await db.select().from(candidate).where(eq(candidate.id, id));
  return row;
}

/** The candidate whose ID-number or phone blind index is this one (exact look-up, NFR-SEC-2). */
export async function findCandidateByBlindIndex(
  db: DbOrTx,
  key: { idNumberBidx: string } | { phoneBidx: string },
): Promise<CandidateRecord | undefined> {
  const where =
    'idNumberBidx' in key
      ? eq(candidate.idNumberBidx, key.idNumberBidx)
      : eq(candidate.phoneBidx, key.phoneBidx);
  const [row] = await db.select().from(candidate).where(where);
  return row;
}

/** Whether an account already holds this ID number or this phone ("one ID number, one account"). */
export async function candidateExists(
  db: DbOrTx,
  key: { idNumberBidx: string; phoneBidx: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: candidate.id })
    .from(candidate)
    .where(
      or(eq(candidate.idNumberBidx, key.idNumberBidx), eq(candidate.phoneBidx, key.phoneBidx)),
    );
  return row !== undefined;
}

/** Candidates by id (any order), for lists that show names or contact data beside their own rows. */
export async function findCandidatesByIds(
  db: DbOrTx,
  ids: readonly string[],
): Promise<CandidateRecord[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(candidate)
    .where(inArray(candidate.id, [...new Set(ids)]));
}

/** Which of these ids name a candidate: only the ids are read, for checks over thousands of ids. */
export async function findExistingCandidateIds(
  db: DbOrTx,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: candidate.id })
    .from(candidate)
    .where(inArray(candidate.id, [...new Set(ids)]));
  return rows.map((r) => r.id);
}

/** What lists and notifications need of a candidate: name, ID number and phone (encrypted). */
export type CandidateSummary = Pick<
  CandidateRecord,
  'id' | 'name' | 'gender' | 'birthDate' | 'idNumberEnc' | 'idNumberBidx' | 'phoneEnc'
>;

/**
 * Candidates by id without their profile document or password: the one batched look-up behind a
 * page of rows (fetch the page, then its candidates), so no list reads candidates one by one.
 */
export async function findCandidateSummaries(
  db: DbOrTx,
  ids: readonly string[],
): Promise<CandidateSummary[]> {
  const unique = [...new Set(ids)];
  const found: CandidateSummary[] = [];
  // 5 000 ids a query: a whole event's candidates stay within the bound-parameter limit.
  for (let i = 0; i < unique.length; i += 5_000)
    found.push(
      ...(await db
        .select({
          id: candidate.id,
          name: candidate.name,
          gender: candidate.gender,
          birthDate: candidate.birthDate,
          idNumberEnc: candidate.idNumberEnc,
          idNumberBidx: candidate.idNumberBidx,
          phoneEnc: candidate.phoneEnc,
        })
        .from(candidate)
        .where(inArray(candidate.id, unique.slice(i, i + 5_000)))),
    );
  return found;
}

/** The same look-up as a map by id, for joining a page of rows with its candidates in memory. */
export async function candidateSummariesByIdOf(
  db: DbOrTx,
  ids: readonly string[],
): Promise<Map<string, CandidateSummary>> {
  return new Map((await findCandidateSummaries(db, ids)).map((c) => [c.id, c]));
}

/**
 * A WHERE condition: the row's candidate is named like this LIKE pattern. A keyword search over a
 * paged list runs inside its SQL, so the page and its total stay one query each.
 */
export function candidateNameLike(candidateId: AnyPgColumn, pattern: string): SQL {
  return sql`${candidateId} in (select ${candidate.id} from ${candidate} where ${candidate.name} ilike ${pattern})`;
}
