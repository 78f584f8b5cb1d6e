import type { PhysicalExamRoundView } from '@kaolu/contracts';
import type { DbOrTx } from '../../db/client';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { findEventById } from '../events';
import { positionsByIdOf } from '../positions';
import { ticketNumbersOf } from '../tickets';
import { unitsByIdOf } from '../units';
import type { EntryRow, RoundRow } from './physical-exam.repository';

// What the physical-exam views name, read in one batch per page from the owning modules
// (NFR-MNT-1): candidates (masked), tickets, positions, units and hospitals.

/** A Shanghai wall-clock minute, for messages to candidates (every time shown in Asia/Shanghai). */
export function shanghaiMinute(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The names a page of entries shows, looked up once for the whole page. */
export async function namesFor(db: DbOrTx, eventId: string, entries: readonly EntryRow[]) {
  const candidateIds = entries.map((e) => e.candidateId);
  const [event, people, tickets, positions, units] = await Promise.all([
    findEventById(db, eventId),
    findCandidatesByIds(db, candidateIds),
    ticketNumbersOf(db, eventId, candidateIds),
    positionsByIdOf(
      db,
      entries.map((e) => e.positionId),
    ),
    unitsByIdOf(
      db,
      entries.map((e) => e.unitId),
    ),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, maskName(p.name)]));
  return {
    eventName: event?.name ?? '',
    nameMasked: (e: EntryRow) => nameOf.get(e.candidateId) ?? '',
    ticket: (e: EntryRow) => tickets.get(e.candidateId) ?? '',
    positionName: (e: EntryRow) =>
      `${positions.get(e.positionId)?.code ?? ''} ${positions.get(e.positionId)?.title ?? ''}`.trim(),
    unitName: (e: EntryRow) => units.get(e.unitId)?.name ?? '',
  };
}

/** Rounds by entry and the hospitals they name, for presenting entries. */
export async function roundViews(db: DbOrTx, rounds: readonly RoundRow[]) {
  const hospitals = await unitsByIdOf(
    db,
    rounds.map((r) => r.hospitalId),
  );
  const view = (r: RoundRow | undefined): PhysicalExamRoundView | null =>
    r
      ? {
          round: r.round,
          hospitalName: hospitals.get(r.hospitalId)?.name ?? '',
          examAt: r.examAt.toISOString(),
          place: r.place,
          outcome: r.result ? { result: r.result, items: r.items, remarks: r.remarks } : null,
          resultAt: r.resultAt?.toISOString() ?? null,
        }
      : null;
  const of = (entryId: string, round: RoundRow['round']) =>
    view(rounds.find((r) => r.entryId === entryId && r.round === round));
  return { of, hospitalName: (id: string) => hospitals.get(id)?.name ?? '' };
}
