import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { examRegistration } from './registration.table';

/** An event's exam registrations per exam category: all, past the automatic checks, and paid. */
export type RegistrationFigures = {
  examCategory: string;
  total: number;
  passedChecks: number;
  paid: number;
};

// Past the automatic checks: waiting for payment, paid, or dropped for not paying in time.
const PASSED_CHECKS = ['awaiting_payment', 'confirmed', 'not_admitted'] as const;

/**
 * Registration figures of one event by exam category (NFR-HIS-1 comparison). Cancelled
 * registrations are not counted; "paid" is a confirmed registration (the fee settled or waived).
 */
export async function countRegistrationFigures(
  db: DbOrTx,
  eventId: string,
): Promise<RegistrationFigures[]> {
  const rows = await db
    .select({
      examCategory: examRegistration.examCategory,
      total: count(),
      passedChecks: sql<number>`count(*) filter (where ${inArray(examRegistration.status, [...PASSED_CHECKS])})::int`,
      paid: sql<number>`count(*) filter (where ${eq(examRegistration.status, 'confirmed')})::int`,
    })
    .from(examRegistration)
    .where(
      and(eq(examRegistration.eventId, eventId), sql`${examRegistration.status} <> 'cancelled'`),
    )
    .groupBy(examRegistration.examCategory);
  return rows.map((r) => ({
    examCategory: r.examCategory,
    total: Number(r.total),
    passedChecks: Number(r.passedChecks),
    paid: Number(r.paid),
  }));
}
