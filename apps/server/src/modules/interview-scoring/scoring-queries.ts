import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { interviewResult, scoreSheet } from './scoring.table';

// Read-only views of the scoring tables for the modules that report on them (live monitoring,
// exports): they ask here, never at the tables.

/** Where a read is narrowed to: the whole event, or one session and / or group of it. */
export type ScoringPlace = { interviewEventId: string; sessionId?: string; groupId?: string };

function placeCondition<T extends typeof scoreSheet | typeof interviewResult>(
  table: T,
  place: ScoringPlace,
): SQL | undefined {
  return and(
    eq(table.interviewEventId, place.interviewEventId),
    place.sessionId ? eq(table.sessionId, place.sessionId) : undefined,
    place.groupId ? eq(table.groupId, place.groupId) : undefined,
  );
}

/** One sheet's state, scores in hundredths (the domain's Centi). */
export type SheetState = {
  sheetId: string;
  sessionId: string;
  groupId: string;
  interviewCandidateId: string;
  examinerId: string;
  kind: 'structured' | 'professional';
  status: 'draft' | 'submitted' | 'confirmed' | 'withdrawn';
  scoresCenti: Record<string, number>;
  comment: string | null;
  submittedAt: Date | null;
  confirmedAt: Date | null;
};

/** Every sheet of the place, by group and candidate. */
export async function sheetStatesOf(db: DbOrTx, place: ScoringPlace): Promise<SheetState[]> {
  const rows = await db
    .select()
    .from(scoreSheet)
    .where(placeCondition(scoreSheet, place))
    .orderBy(asc(scoreSheet.groupId), asc(scoreSheet.interviewCandidateId));
  return rows.map((r) => ({
    sheetId: r.id,
    sessionId: r.sessionId,
    groupId: r.groupId,
    interviewCandidateId: r.interviewCandidateId,
    examinerId: r.examinerId,
    kind: r.kind,
    status: r.status,
    scoresCenti: r.scores,
    comment: r.comment,
    submittedAt: r.submittedAt,
    confirmedAt: r.confirmedAt,
  }));
}

/** A computed interview score with the engine's explanation (kept and dropped scores). */
export type ResultState = {
  interviewCandidateId: string;
  sessionId: string;
  groupId: string;
  kind: 'structured' | 'professional';
  scoreCenti: number;
  examinerCount: number;
  explanation: { code: string; kept: number[]; dropped: number[] }[];
  computedAt: Date;
  handedOverAt: Date | null;
};

/** Every computed result of the place. */
export async function resultStatesOf(db: DbOrTx, place: ScoringPlace): Promise<ResultState[]> {
  const rows = await db
    .select()
    .from(interviewResult)
    .where(placeCondition(interviewResult, place));
  return rows.map((r) => ({
    interviewCandidateId: r.interviewCandidateId,
    sessionId: r.sessionId,
    groupId: r.groupId,
    kind: r.kind,
    scoreCenti: r.scoreCenti,
    examinerCount: r.examinerCount,
    explanation: r.explanation as ResultState['explanation'],
    computedAt: r.computedAt,
    handedOverAt: r.handedOverAt,
  }));
}
