import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import { maskIdNumber, maskName } from '../../platform/masking';
import { candidateSummariesByIdOf } from '../candidates';
import type { EventRecord } from '../events';
import type { MessagesService } from '../messages';
import { ticketNumberOf, ticketNumbersOfRegistrations } from '../tickets';
import { createPassLines } from './pass-lines';
import { createScoreImport } from './score-import';
import { createScorePublication } from './score-publication';
import { subjectsOf, text } from './score-subjects';
import { createScoreVerdicts } from './score-verdicts';
import { loadScoresEvent } from './scores-context';
import { findRelease } from './scores.repository';
import { writtenScore } from './scores.table';

export type ScoresService = ReturnType<typeof createScoresService>;

/**
 * Written-exam scores and pass lines (ONL-02, INT-03 cut-off lines, §7), one group of use cases
 * per file (NFR-MNT-1): import, pass lines, publication, the candidates' verdicts; the staff list
 * stays here.
 */
export function createScoresService(deps: {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  messages: MessagesService;
  now: () => Date;
}) {
  const { db, crypto } = deps;
  const loadEvent = (eventId: string) => loadScoresEvent(db, eventId);
  // A category sits a professional subject when the event's policy lists subjects for it.
  const hasProfessional = (event: EventRecord, category: string) =>
    (event.policy.examCategories.find((c) => c.code === category)?.subjects.length ?? 0) > 0;

  /** Staff list of an event's scores, names and ID numbers masked, by ticket order. */
  async function adminScores(
    eventId: string,
    q: { page: number; pageSize: number; examCategory?: string },
  ) {
    const event = await loadEvent(eventId);
    const where = and(
      eq(writtenScore.eventId, eventId),
      q.examCategory ? eq(writtenScore.examCategory, q.examCategory) : undefined,
    );
    const [rows, [totals], release] = await Promise.all([
      db
        .select()
        .from(writtenScore)
        .where(where)
        // Ticket order inside the paged SQL; a score matched by ID number may belong to a
        // registration without a ticket, which sorts last.
        .orderBy(asc(ticketNumberOf(writtenScore.registrationId)), asc(writtenScore.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ total: count() }).from(writtenScore).where(where),
      findRelease(db, eventId),
    ]);
    // The page's candidates and tickets, one batched look-up each.
    const [people, tickets] = await Promise.all([
      candidateSummariesByIdOf(
        db,
        rows.map((s) => s.candidateId),
      ),
      ticketNumbersOfRegistrations(
        db,
        rows.map((s) => s.registrationId),
      ),
    ]);
    return {
      items: rows.map((s) => ({
        id: s.id,
        candidateName: maskName(people.get(s.candidateId)!.name),
        // Decrypted only to be masked for the list (NFR-SEC-3).
        idNumberMasked: maskIdNumber(
          crypto.decryptField(people.get(s.candidateId)!.idNumberEnc, {
            table: 'candidate',
            column: 'id_number',
            rowId: s.candidateId,
          }),
        ),
        ticketNumber: tickets.get(s.registrationId) ?? null,
        examCategory: s.examCategory,
        majorType: s.majorType,
        subjects: subjectsOf(s, hasProfessional(event, s.examCategory)),
        absent: s.absent,
        total: text(s.totalCenti),
      })),
      total: totals?.total ?? 0,
      publishedAt: release?.publishedAt.toISOString() ?? null,
    };
  }

  const { importScores } = createScoreImport(deps);
  const { setPassLines, listPassLines } = createPassLines(deps);
  const { publish } = createScorePublication(deps);
  const { verdictOf, candidateScores } = createScoreVerdicts(deps);
  return {
    importScores,
    setPassLines,
    listPassLines,
    publish,
    verdictOf,
    candidateScores,
    adminScores,
  };
}
