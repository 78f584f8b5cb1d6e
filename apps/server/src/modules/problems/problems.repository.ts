import type { ProblemRole, ProblemStatus, ProblemType } from '@kaolu/contracts';
import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import type { ApprovedAppeal } from '../registrations';
import { CHECK_OF_APPEAL, WAITING_FOR_STAFF } from './problem-rules';
import { scopeCondition, type ProblemScope } from './problem-scope';
import { problemCase, problemEntry } from './problem.table';

// Drizzle only (NFR-MNT-1): every function takes the db or the caller's transaction.

export type CaseRow = typeof problemCase.$inferSelect;
export type EntryRow = typeof problemEntry.$inferSelect;
export type NewEntry = Omit<typeof problemEntry.$inferInsert, 'id'>;

/** The case row, locked for update when a change follows; PROBLEM.NOT_FOUND when absent. */
export async function getCase(db: DbOrTx, id: string, lock = false): Promise<CaseRow> {
  const query = db.select().from(problemCase).where(eq(problemCase.id, id));
  // The lock serialises decisions on one case: of two concurrent approvals only one finds it open.
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('PROBLEM.NOT_FOUND');
  return row;
}

/** Inserts a new case (its first history line is written by the caller in the same transaction). */
export async function insertCase(db: DbOrTx, row: typeof problemCase.$inferInsert) {
  const [created] = await db.insert(problemCase).values(row).returning();
  return created!;
}

/** Changes the current state of a case; what happened is appended to the history separately. */
export async function updateCase(
  db: DbOrTx,
  id: string,
  changes: Partial<typeof problemCase.$inferInsert>,
): Promise<void> {
  await db.update(problemCase).set(changes).where(eq(problemCase.id, id));
}

/** Appends one history line (the table refuses any later change of it). */
export async function insertEntry(db: DbOrTx, entry: NewEntry): Promise<EntryRow> {
  const [row] = await db.insert(problemEntry).values(entry).returning();
  return row!;
}

/** A case's history, oldest first (in insertion order). */
export async function findEntries(db: DbOrTx, caseId: string): Promise<EntryRow[]> {
  return db
    .select()
    .from(problemEntry)
    .where(eq(problemEntry.caseId, caseId))
    .orderBy(asc(problemEntry.seq));
}

/** The candidate's own cases, newest first. */
export async function findCandidateCases(db: DbOrTx, candidateId: string): Promise<CaseRow[]> {
  return db
    .select()
    .from(problemCase)
    .where(eq(problemCase.candidateId, candidateId))
    .orderBy(desc(problemCase.submittedAt))
    .limit(200);
}

// A decided or closed case no longer blocks a new one of the same kind (e.g. a second appeal).
const FINAL: ProblemStatus[] = ['approved', 'rejected', 'closed'];

/** An open case of the same type for the same event, if the candidate already has one. */
export async function findOpenCase(
  db: DbOrTx,
  candidateId: string,
  type: ProblemType,
  eventId: string | null,
): Promise<CaseRow | undefined> {
  const [row] = await db
    .select()
    .from(problemCase)
    .where(
      and(
        eq(problemCase.candidateId, candidateId),
        eq(problemCase.type, type),
        eventId ? eq(problemCase.eventId, eventId) : sql`${problemCase.eventId} is null`,
        notInArray(problemCase.status, FINAL),
      ),
    )
    .limit(1);
  return row;
}

/** Overdue: still waiting for staff past its SLA deadline (ONL-01). */
export const overdueCondition = (now: Date): SQL =>
  and(inArray(problemCase.status, [...WAITING_FOR_STAFF]), lt(problemCase.dueAt, now))!;

/** The filters of a queue; `scope` is what the caller answers for (an empty scope finds nothing). */
export type QueueFilter = {
  scope: ProblemScope;
  type?: ProblemType;
  status?: ProblemStatus;
  role?: ProblemRole;
  overdue?: boolean;
  assigneeId?: string;
  q?: string;
  now: Date;
};

/** The WHERE of a queue: only the cases the caller answers for, then the chosen filters. */
function queueWhere(f: QueueFilter): SQL {
  const parts: SQL[] = [scopeCondition(f.scope)!];
  if (f.type) parts.push(eq(problemCase.type, f.type));
  if (f.status) parts.push(eq(problemCase.status, f.status));
  if (f.role) parts.push(eq(problemCase.responsibleRole, f.role));
  if (f.overdue) parts.push(overdueCondition(f.now));
  if (f.assigneeId) parts.push(eq(problemCase.assigneeId, f.assigneeId));
  if (f.q) {
    // LIKE wildcards typed by the user are matched literally.
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(ilike(problemCase.caseNumber, pattern), ilike(problemCase.title, pattern))!);
  }
  return and(...parts)!;
}

/** One page of the queue (due soonest first), or every row for the export when no page is given. */
export async function findQueue(
  db: DbOrTx,
  f: QueueFilter,
  page?: { limit: number; offset: number },
): Promise<{ rows: CaseRow[]; total: number }> {
  if (f.scope.length === 0) return { rows: [], total: 0 };
  const where = queueWhere(f);
  const query = db
    .select()
    .from(problemCase)
    .where(where)
    .orderBy(asc(problemCase.dueAt), asc(problemCase.id));
  const [rows, [totals]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query.limit(50_000),
    db.select({ n: count() }).from(problemCase).where(where),
  ]);
  return { rows, total: Number(totals?.n ?? 0) };
}

/** Counts by type and status, time to first answer and overdue cases, inside the caller's scope. */
export async function countStats(db: DbOrTx, problemScope: ProblemScope, now: Date) {
  const scope = scopeCondition(problemScope);
  if (!scope)
    return { byType: [], byStatus: [], answered: 0, averageHoursToAnswer: null, overdue: 0 };
  // Four small aggregate queries in parallel; the indexes on role and status keep them cheap.
  const [byType, byStatus, [answer], [late]] = await Promise.all([
    db
      .select({ type: problemCase.type, count: count() })
      .from(problemCase)
      .where(scope)
      .groupBy(problemCase.type),
    db
      .select({ status: problemCase.status, count: count() })
      .from(problemCase)
      .where(scope)
      .groupBy(problemCase.status),
    db
      .select({
        answered: count(problemCase.firstAnsweredAt),
        hours: sql<
          number | null
        >`avg(extract(epoch from (${problemCase.firstAnsweredAt} - ${problemCase.submittedAt})) / 3600)`.mapWith(
          (v) => (v === null ? null : Number(v)),
        ),
      })
      .from(problemCase)
      .where(scope),
    db
      .select({ n: count() })
      .from(problemCase)
      .where(and(scope, overdueCondition(now))),
  ]);
  // Rounded to a tenth of an hour: the statistics page shows it as is.
  const hours = answer?.hours ?? null;
  return {
    byType: byType.map((r) => ({ type: r.type, count: Number(r.count) })),
    byStatus: byStatus.map((r) => ({ status: r.status, count: Number(r.count) })),
    answered: Number(answer?.answered ?? 0),
    averageHoursToAnswer: hours === null ? null : Math.round(hours * 10) / 10,
    overdue: Number(late?.n ?? 0),
  };
}

/**
 * The approved appeals of a candidate for one event, with their case numbers (ONL-01): what the
 * registration checks consult through `registrations.useAppeals`.
 */
export async function findApprovedAppeals(
  db: DbOrTx,
  candidateId: string,
  eventId: string,
): Promise<ApprovedAppeal[]> {
  // Only the appeal types that answer a check; waivers and name changes act when approved.
  const types = Object.keys(CHECK_OF_APPEAL) as Array<keyof typeof CHECK_OF_APPEAL>;
  const rows = await db
    .select({ type: problemCase.type, caseNumber: problemCase.caseNumber })
    .from(problemCase)
    .where(
      and(
        eq(problemCase.candidateId, candidateId),
        eq(problemCase.eventId, eventId),
        inArray(problemCase.type, types),
        // An approved case stays in effect once closed: closing only ends the conversation.
        eq(problemCase.decision, 'approved'),
      ),
    );
  return rows.map((r) => ({
    check: CHECK_OF_APPEAL[r.type as keyof typeof CHECK_OF_APPEAL],
    caseNumber: r.caseNumber,
  }));
}
