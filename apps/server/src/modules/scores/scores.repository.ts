import type { EventPolicy } from '@kaolu/contracts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { candidateSummariesByIdOf } from '../candidates';
import { findConfirmedRegistrations } from '../registrations';
import { ticketNumbersOfEvent } from '../tickets';
import type { ScoreLookup, ScoreTarget } from './score-sheet';
import { passLine, scoreRelease, writtenScore } from './scores.table';

/** Lookup of an event's confirmed registrations by ticket number and by ID-number blind index. */
export async function loadScoreLookup(
  tx: DbOrTx,
  eventId: string,
  policy: EventPolicy,
  blindIndex: (idNumber: string) => string,
): Promise<ScoreLookup> {
  // Read once per import from their modules (registrations, their tickets, their candidates' blind
  // indexes), so the rows are matched in memory rather than one query per row.
  const registrations = await findConfirmedRegistrations(tx, eventId);
  const [tickets, people] = await Promise.all([
    ticketNumbersOfEvent(tx, eventId),
    candidateSummariesByIdOf(
      tx,
      registrations.map((r) => r.candidateId),
    ),
  ]);
  const rows = registrations.map((r) => ({
    registrationId: r.id,
    candidateId: r.candidateId,
    examCategory: r.examCategory,
    ticket: tickets.get(r.id),
    bidx: people.get(r.candidateId)!.idNumberBidx,
  }));
  const professional = new Set(
    policy.examCategories.filter((c) => c.subjects.length > 0).map((c) => c.code),
  );
  const byTicket = new Map<string, ScoreTarget>();
  const byBidx = new Map<string, ScoreTarget>();
  for (const r of rows) {
    const target = {
      registrationId: r.registrationId,
      candidateId: r.candidateId,
      examCategory: r.examCategory,
      hasProfessional: professional.has(r.examCategory),
    };
    if (r.ticket) byTicket.set(r.ticket, target);
    byBidx.set(r.bidx, target);
  }
  return { byTicket: (t) => byTicket.get(t), byIdNumber: (id) => byBidx.get(blindIndex(id)) };
}

/** The publication row of an event, if its scores are published. */
export async function findRelease(tx: DbOrTx, eventId: string) {
  const [row] = await tx.select().from(scoreRelease).where(eq(scoreRelease.eventId, eventId));
  return row;
}

/** Every pass line of an event; passLineFor picks the one that applies to a score. */
export async function findPassLines(tx: DbOrTx, eventId: string) {
  return tx.select().from(passLine).where(eq(passLine.eventId, eventId));
}

/** The candidate's score in an event (whatever the publication state; callers check it). */
export async function findCandidateScore(tx: DbOrTx, eventId: string, candidateId: string) {
  const [row] = await tx
    .select()
    .from(writtenScore)
    .where(and(eq(writtenScore.eventId, eventId), eq(writtenScore.candidateId, candidateId)));
  return row;
}
