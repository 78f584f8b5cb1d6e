import type { ListEntryView, ListFigure } from '@kaolu/contracts';
import { formatCenti } from '@kaolu/domain';
import type { DbOrTx } from '../../db/client';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { ticketNumbersOf } from '../tickets';
import type { ListEntryRow, PositionListFigures } from './interview-lists.queries';

// Rows → what the pages show (INT-02, §7): decimal text for scores, "1:3" for ratios, candidates by
// ticket number 准考证号 and masked name (NFR-SEC-3), never by id.

/** "1:3" or "1:2.5" from the ratio in hundredths. */
export function ratioText(ratioCenti: number): string {
  return `1:${formatCenti(ratioCenti).replace(/\.?0+$/, '')}`;
}

const centiText = (v: number | null) => (v === null ? null : formatCenti(v));

/** One position's stored figures as the staff pages show them. */
export function toFigure(p: PositionListFigures): ListFigure {
  return {
    positionId: p.positionId,
    positionCode: p.positionCode,
    positionTitle: p.positionTitle,
    unitName: p.unitName,
    headcount: p.headcount,
    ratio: ratioText(p.ratioCenti),
    quota: p.quota,
    passLine: centiText(p.passLineCenti),
    line: centiText(p.lineCenti),
    tiedBeyondQuota: p.tiedBeyondQuota,
    listed: p.listed,
    shortfall: p.shortfall,
    status: p.status,
    version: p.version,
    confirmedAt: p.confirmedAt?.toISOString() ?? null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
  };
}

/** Ticket number and name of each candidate of these entries, read in two queries. */
export async function peopleOf(
  db: DbOrTx,
  eventId: string,
  candidateIds: readonly string[],
): Promise<Map<string, { ticketNumber: string | null; name: string }>> {
  const [tickets, people] = await Promise.all([
    ticketNumbersOf(db, eventId, candidateIds),
    findCandidatesByIds(db, candidateIds),
  ]);
  // Names are decrypted nowhere here: the candidate record keeps them in clear, masked on output.
  const names = new Map(people.map((c) => [c.id, c.name]));
  return new Map(
    candidateIds.map((id) => [
      id,
      { ticketNumber: tickets.get(id) ?? null, name: names.get(id) ?? '' },
    ]),
  );
}

/** Entries as the staff see them: masked names, as every admin list of candidates shows them. */
export async function toEntryViews(
  db: DbOrTx,
  eventId: string,
  entries: readonly ListEntryRow[],
): Promise<ListEntryView[]> {
  const people = await peopleOf(
    db,
    eventId,
    entries.map((e) => e.candidateId),
  );
  return entries.map((e) => {
    const person = people.get(e.candidateId)!;
    return {
      ticketNumber: person.ticketNumber,
      candidateName: maskName(person.name),
      rank: e.rank,
      writtenTotal: centiText(e.writtenTotalCenti),
      status: e.status,
      round: e.round,
      reason: e.reason,
    };
  });
}
