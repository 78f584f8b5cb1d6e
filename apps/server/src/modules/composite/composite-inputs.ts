import { parseCenti, type Centi } from '@kaolu/domain';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors/app-error';
import { findEventById, type EventRecord } from '../events';
import { listEntriesOf, positionListsOf, type ListEntryRow } from '../interview-lists';
import { selectionPositionsOf, type SelectionPosition } from '../positions';
import { writtenResultsOf } from '../scores';
import { ticketNumbersOf } from '../tickets';

/** A candidate on the interview list, with what his scores and composite depend on (§7, INT-07). */
export type ListedCandidate = {
  candidateId: string;
  ticketNumber: string;
  position: SelectionPosition;
  /** The written total on the 100-point scale, as the list was drawn with it. */
  writtenCenti: Centi;
  examCategory: string;
  examCategoryName: string;
  /** INT-07: whether the position's exam category gives a 专业分 in the interview. */
  hasProfessional: boolean;
};

/** The event, its policy figures and every listed candidate, read once per use case. */
export type CompositeInputs = {
  event: EventRecord;
  passMarkCenti: Centi;
  /** Every position list is confirmed or published: scores may come in and be combined. */
  listsConfirmed: boolean;
  listed: ListedCandidate[];
  byCandidate: Map<string, ListedCandidate>;
  byTicket: Map<string, ListedCandidate>;
};

// A later adjustment round supersedes an earlier entry of the same candidate (one list each).
const ROUND_ORDER = { first: 0, public: 1, unified: 2 } as const;

/**
 * Reads the event and the candidates on its interview lists (status `listed`, any round) with their
 * positions and ticket numbers, through the owners' query functions.
 */
export async function loadCompositeInputs(
  db: DbOrTx,
  eventId: string,
  lock = false,
): Promise<CompositeInputs> {
  // Locked inside a change: the event row serialises two imports or computations of one event.
  const event = await findEventById(db, eventId, lock);
  if (!event) throw new AppError('EVENT.NOT_FOUND');
  const [lists, entries, positions, written] = await Promise.all([
    positionListsOf(db, eventId),
    listEntriesOf(db, eventId, { status: 'listed' }),
    selectionPositionsOf(db, eventId),
    writtenResultsOf(db, eventId),
  ]);
  const sat = new Map(written.map((w) => [w.candidateId, w.examCategory]));
  const latest = new Map<string, ListEntryRow>();
  for (const e of entries) {
    const seen = latest.get(e.candidateId);
    if (!seen || ROUND_ORDER[e.round] > ROUND_ORDER[seen.round]) latest.set(e.candidateId, e);
  }
  const tickets = await ticketNumbersOf(db, eventId, [...latest.keys()]);
  const positionById = new Map(positions.map((p) => [p.id, p]));
  const categories = new Map(event.policy.examCategories.map((c) => [c.code, c]));
  const listed: ListedCandidate[] = [];
  for (const e of latest.values()) {
    const position = positionById.get(e.positionId);
    // A listed entry always has a written total and a seat; one without is not the lists' shape.
    if (!position || e.writtenTotalCenti === null || !tickets.has(e.candidateId)) continue;
    // The position's exam category decides the 专业分; a position that names none (older brochures)
    // takes the category the candidate sat the written exam in.
    const code = position.examCategory ?? sat.get(e.candidateId) ?? null;
    const category = code ? categories.get(code) : undefined;
    listed.push({
      candidateId: e.candidateId,
      ticketNumber: tickets.get(e.candidateId)!,
      position,
      writtenCenti: e.writtenTotalCenti,
      examCategory: code ?? '',
      examCategoryName: category?.name ?? code ?? '未分类',
      hasProfessional: category?.professionalScore ?? false,
    });
  }
  return {
    event,
    // The policy schema bounds the pass mark to 0–100; two decimals at most in practice.
    passMarkCenti: parseCenti(event.policy.interview.passMark) ?? 6000,
    listsConfirmed: lists.length > 0 && lists.every((l) => l.status !== 'draft'),
    listed,
    byCandidate: new Map(listed.map((c) => [c.candidateId, c])),
    byTicket: new Map(listed.map((c) => [c.ticketNumber, c])),
  };
}
