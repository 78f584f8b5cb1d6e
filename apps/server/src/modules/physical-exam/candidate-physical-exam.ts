import type { CandidatePhysicalExam } from '@kaolu/contracts';
import { RECHECK_WINDOW_DAYS } from '@kaolu/contracts';
import { AppError } from '../../platform/errors/app-error';
import { findEventById } from '../events';
import { positionsByIdOf } from '../positions';
import { roundViews } from './physical-exam-views';
import type { PhysicalExamDeps } from './physical-exam.service';
import {
  entriesOfCandidate,
  findEntry,
  markRecheckRequested,
  roundsOf,
  type RoundRow,
} from './physical-exam.repository';

const DAY_MS = 86_400_000;

/** The last moment a re-check may be asked for: 7 days after a 不合格 first result (§7). */
function recheckDeadlineOf(initial: RoundRow | undefined): Date | null {
  if (initial?.result !== 'unqualified' || !initial.resultAt) return null;
  return new Date(initial.resultAt.getTime() + RECHECK_WINDOW_DAYS * DAY_MS);
}

/**
 * The candidate's side (§7, REG-04): his appointments and results, and the re-check request —
 * only after 不合格, within 7 days of the result, once; the re-check's result is final.
 */
export function createCandidatePhysicalExam(deps: PhysicalExamDeps) {
  const { db, audit, now } = deps;

  async function mine(candidateId: string): Promise<CandidatePhysicalExam[]> {
    const entries = await entriesOfCandidate(db, candidateId);
    const rounds = await roundsOf(
      db,
      entries.map((e) => e.id),
    );
    const [views, positions, events] = await Promise.all([
      roundViews(db, rounds),
      positionsByIdOf(
        db,
        entries.map((e) => e.positionId),
      ),
      Promise.all(entries.map((e) => findEventById(db, e.eventId))),
    ]);
    // Only entries the org has assigned appear: a bare list entry tells him nothing yet.
    return entries
      .map((e, i) => ({
        id: e.id,
        eventName: events[i]?.name ?? '',
        positionName: positions.get(e.positionId)?.title ?? '',
        initial: views.of(e.id, 'initial'),
        recheck: views.of(e.id, 'recheck'),
        recheckRequestedAt: e.recheckRequestedAt?.toISOString() ?? null,
        recheckDeadline:
          recheckDeadlineOf(
            rounds.find((r) => r.entryId === e.id && r.round === 'initial'),
          )?.toISOString() ?? null,
      }))
      .filter((e) => e.initial !== null);
  }

  /** Records the request; refused after 不合格 is missing, after 7 days, or a second time. */
  async function requestRecheck(candidateId: string, entryId: string) {
    return db.transaction(async (tx) => {
      const entry = await findEntry(tx, entryId, true);
      if (!entry || entry.candidateId !== candidateId)
        throw new AppError('PHYSICAL_EXAM.ENTRY_NOT_FOUND');
      if (entry.recheckRequestedAt) throw new AppError('PHYSICAL_EXAM.RECHECK_TWICE');
      const [initial] = (await roundsOf(tx, [entry.id])).filter((r) => r.round === 'initial');
      const deadline = recheckDeadlineOf(initial);
      if (!deadline) throw new AppError('PHYSICAL_EXAM.RECHECK_NOT_ALLOWED');
      const at = now();
      if (at > deadline) throw new AppError('PHYSICAL_EXAM.RECHECK_EXPIRED');
      await markRecheckRequested(tx, entry.id, at);
      await audit.record(tx, {
        actor: { kind: 'candidate', id: candidateId },
        action: 'physical_exam.recheck_requested',
        targetType: 'physical_exam_entry',
        targetId: entry.id,
        result: 'success',
      });
      return { requestedAt: at.toISOString() };
    });
  }

  return { mine, requestRecheck };
}
