import type { Registration, RegistrationCheck, RegistrationStatus } from '@kaolu/contracts';
import { and, asc, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { CryptoProvider } from '../../platform/crypto';
import { AppError } from '../../platform/errors/app-error';
import { maskIdNumber, maskName } from '../../platform/masking';
import { candidateSummariesByIdOf } from '../candidates';
import { eventsByIdOf } from '../events';
import { examRegistration, registrationTimeline } from './registration.table';

// The only part of the event policy these reads need: the category names.
type Policy = { examCategories?: Array<{ code: string; name: string }> };

/** The candidate's registrations with their timelines, newest first (ONL: status and why). */
export async function findCandidateRegistrations(
  db: Db,
  candidateId: string,
  registrationId?: string,
): Promise<Registration[]> {
  const where = registrationId
    ? and(eq(examRegistration.candidateId, candidateId), eq(examRegistration.id, registrationId))
    : eq(examRegistration.candidateId, candidateId);
  const registrations = await db
    .select()
    .from(examRegistration)
    .where(where)
    .orderBy(desc(examRegistration.createdAt));
  // A candidate has a handful of registrations: their events are read in one look-up.
  const events = await eventsByIdOf(
    db,
    registrations.map((r) => r.eventId),
  );
  const rows = registrations.map((r) => ({
    r,
    eventName: events.get(r.eventId)!.name,
    policy: events.get(r.eventId)!.policy,
  }));
  // Asking for one id that is not the candidate's answers not found, whoever owns it.
  if (registrationId && rows.length === 0) throw new AppError('REGISTRATION.NOT_FOUND');
  const ids = rows.map((x) => x.r.id);
  // All timelines in one query, in insertion order.
  const lines = ids.length
    ? await db
        .select()
        .from(registrationTimeline)
        .where(inArray(registrationTimeline.registrationId, ids))
        .orderBy(asc(registrationTimeline.seq))
    : [];
  return rows.map(({ r, eventName, policy }) => ({
    id: r.id,
    eventId: r.eventId,
    eventName,
    examCategory: r.examCategory,
    examCategoryName:
      (policy as Policy).examCategories?.find((c) => c.code === r.examCategory)?.name ??
      r.examCategory,
    subjectCode: r.subjectCode,
    status: r.status,
    checks: r.checks as RegistrationCheck[],
    profileVersion: r.profileVersion,
    createdAt: r.createdAt.toISOString(),
    timeline: lines
      .filter((l) => l.registrationId === r.id)
      .map((l) => ({
        at: l.at.toISOString(),
        kind: l.kind,
        fromStatus: l.fromStatus,
        toStatus: l.toStatus,
        message: l.message,
      })),
  }));
}

/** Staff list of an event's registrations, names and ID numbers masked (NFR-SEC-3). */
export async function findEventRegistrations(
  db: Db,
  crypto: CryptoProvider,
  eventId: string,
  q: { page: number; pageSize: number; status?: RegistrationStatus },
) {
  const filters: SQL[] = [eq(examRegistration.eventId, eventId)];
  if (q.status) filters.push(eq(examRegistration.status, q.status));
  const where = and(...filters);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: examRegistration.id,
        examCategory: examRegistration.examCategory,
        status: examRegistration.status,
        createdAt: examRegistration.createdAt,
        candidateId: examRegistration.candidateId,
      })
      .from(examRegistration)
      .where(where)
      .orderBy(asc(examRegistration.createdAt), asc(examRegistration.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(examRegistration).where(where),
  ]);
  // The page's candidates in one batched look-up (never one query per row).
  const people = await candidateSummariesByIdOf(
    db,
    rows.map((r) => r.candidateId),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      candidateName: maskName(people.get(r.candidateId)!.name),
      idNumberMasked: maskIdNumber(
        crypto.decryptField(people.get(r.candidateId)!.idNumberEnc, {
          table: 'candidate',
          column: 'id_number',
          rowId: r.candidateId,
        }),
      ),
      examCategory: r.examCategory,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
    total: totals?.total ?? 0,
  };
}

// Read-only queries other modules use instead of reading examRegistration (NFR-MNT-1).

/** A registration's status (locked for update when asked), or undefined when there is none. */
export async function registrationStatusOf(
  db: DbOrTx,
  registrationId: string,
  lock = false,
): Promise<RegistrationStatus | undefined> {
  const query = db
    .select({ status: examRegistration.status })
    .from(examRegistration)
    .where(eq(examRegistration.id, registrationId));
  // The fee waiver locks it (after the notice, the order every payment path uses) while it
  // decides whether the registration is confirmed.
  const [row] = lock ? await query.for('update') : await query;
  return row?.status as RegistrationStatus | undefined;
}

/** The candidate's active (not cancelled) registration for an event, or undefined (fee waiver, ONL-01). */
export async function activeRegistrationOf(
  db: DbOrTx,
  candidateId: string,
  eventId: string,
): Promise<{ id: string; status: RegistrationStatus } | undefined> {
  const [row] = await db
    .select({ id: examRegistration.id, status: examRegistration.status })
    .from(examRegistration)
    .where(
      and(
        eq(examRegistration.candidateId, candidateId),
        eq(examRegistration.eventId, eventId),
        ne(examRegistration.status, 'cancelled'),
      ),
    );
  return row ? { id: row.id, status: row.status as RegistrationStatus } : undefined;
}

/** Whether the registration is the candidate's own. */
export async function isRegistrationOf(
  db: DbOrTx,
  registrationId: string,
  candidateId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: examRegistration.id })
    .from(examRegistration)
    .where(
      and(eq(examRegistration.id, registrationId), eq(examRegistration.candidateId, candidateId)),
    );
  return row !== undefined;
}

/** The exam category of each registration, by registration id. */
export async function examCategoriesOf(
  db: DbOrTx,
  registrationIds: readonly string[],
): Promise<Map<string, string>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await db
    .select({ id: examRegistration.id, examCategory: examRegistration.examCategory })
    .from(examRegistration)
    // Duplicates removed so a large batch does not send the same id many times.
    .where(inArray(examRegistration.id, [...new Set(registrationIds)]));
  return new Map(rows.map((r) => [r.id, r.examCategory]));
}
