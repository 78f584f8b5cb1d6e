import type { ImportProblem } from '@kaolu/contracts';
import type { Centi } from '@kaolu/domain';
import { auditBase, type ChangeContext } from '../../platform/auth/request-context';
import { AppError } from '../../platform/errors/app-error';
import { readFirstSheet, writeSheet } from '../../platform/excel/excel-cells';
import { maskName } from '../../platform/masking';
import { findCandidatesByIds } from '../candidates';
import { assertEventInScope } from '../events';
import { actorName, assertScoresOpen, type CompositeDeps } from './composite-context';
import { loadCompositeInputs } from './composite-inputs';
import { upsertScores, type InterviewScoreSource, type ScoreWrite } from './composite.repository';
import {
  checkScore,
  INTERVIEW_SCORE_HEADERS,
  readInterviewScoreSheet,
} from './interview-score-sheet';

/** A score computed elsewhere (the interview system's tablets, IVW-08), in hundredths. */
export type ComputedInterviewScore = {
  candidateId: string;
  structuredCenti: Centi | null;
  professionalCenti: Centi | null;
  absent?: boolean;
};

const isScore = (v: Centi | null) =>
  v === null || (Number.isSafeInteger(v) && v >= 0 && v <= 10_000);

/**
 * Interview scores in 面试成绩 (IVW-08, INT-07, INT-09d): the Excel import for events interviewed
 * elsewhere and the interview system's hand-over write the same table, under the same checks,
 * all-or-nothing with every problem reported at once.
 */
export function createInterviewScores(deps: CompositeDeps) {
  const { db, audit, now } = deps;

  /** Writes checked scores and the audit entry in one transaction; refuses a whole bad batch. */
  async function write(
    eventId: string,
    check: (inputs: Awaited<ReturnType<typeof loadCompositeInputs>>) => {
      rows: ScoreWrite[];
      problems: ImportProblem[];
    },
    source: InterviewScoreSource,
    ctx: ChangeContext,
  ): Promise<{ imported: number }> {
    assertEventInScope(ctx.principal, 'composite.manage', eventId);
    return db.transaction(async (tx) => {
      const inputs = await loadCompositeInputs(tx, eventId, true);
      await assertScoresOpen(tx, inputs);
      const { rows, problems } = check(inputs);
      // All or nothing: a half-imported sheet would leave staff unsure which rows count.
      if (problems.length) throw new AppError('IMPORT.ROWS_INVALID', { details: { problems } });
      // A corrected sheet replaces the earlier scores of the candidates it names.
      await upsertScores(tx, eventId, rows, { source, recordedBy: actorName(ctx), at: now() });
      await audit.record(tx, {
        ...auditBase(ctx),
        action: 'interview_score.imported',
        targetType: 'recruitment_event',
        targetId: eventId,
        result: 'success',
        details: { rows: rows.length, source },
      });
      return { imported: rows.length };
    });
  }

  /** The Excel import: 准考证号, 结构化面试成绩, 专业面试成绩 (where the category has one), 缺考. */
  async function importScores(eventId: string, fileBase64: string, ctx: ChangeContext) {
    assertEventInScope(ctx.principal, 'composite.manage', eventId);
    // The file is read before the transaction: parsing is slow and needs no lock.
    const sheet = await readFirstSheet(fileBase64);
    return write(
      eventId,
      (inputs) => readInterviewScoreSheet(sheet, inputs.byTicket),
      'import',
      ctx,
    );
  }

  /**
   * The interview system's results, already computed per candidate (IVW-08): checked like an
   * import row (row = position in the list, 1-based) and written in one transaction.
   */
  async function recordInterviewScores(
    eventId: string,
    scores: readonly ComputedInterviewScore[],
    ctx: ChangeContext,
  ) {
    return write(
      eventId,
      (inputs) => {
        const problems: ImportProblem[] = [];
        const rows: ScoreWrite[] = [];
        const seen = new Set<string>();
        scores.forEach((s, i) => {
          const report = (field: string, message: string) =>
            void problems.push({ row: i + 1, field, message });
          const target = inputs.byCandidate.get(s.candidateId);
          if (!target || seen.has(s.candidateId))
            return report('考生', target ? '同一考生重复出现' : '考生不在本事项的面试名单中');
          seen.add(s.candidateId);
          const before = problems.length;
          // Already computed scores must still be hundredths within 0–100.
          if (!isScore(s.structuredCenti))
            report('结构化面试成绩', '成绩应为0至100之间的数，最多两位小数');
          if (!isScore(s.professionalCenti))
            report('专业面试成绩', '成绩应为0至100之间的数，最多两位小数');
          const absent = s.absent ?? false;
          checkScore(
            target,
            { structured: s.structuredCenti, professional: s.professionalCenti, absent },
            report,
          );
          if (problems.length === before)
            rows.push({
              candidateId: s.candidateId,
              positionId: target.position.id,
              structured: s.structuredCenti,
              professional: s.professionalCenti,
              absent,
            });
        });
        return { rows, problems };
      },
      'interview_system',
      ctx,
    );
  }

  /** The import template: one row per listed candidate (ticket, masked name, position) to fill in. */
  async function scoreTemplate(eventId: string, ctx: ChangeContext) {
    assertEventInScope(ctx.principal, 'composite.manage', eventId);
    const inputs = await loadCompositeInputs(db, eventId);
    const names = new Map(
      (
        await findCandidatesByIds(
          db,
          inputs.listed.map((c) => c.candidateId),
        )
      ).map((c) => [c.id, c.name]),
    );
    // By position, then ticket: the order in which staff read the interview results.
    const rows = [...inputs.listed]
      .sort(
        (a, b) =>
          a.position.code.localeCompare(b.position.code) ||
          a.ticketNumber.localeCompare(b.ticketNumber),
      )
      .map((c) => [
        c.ticketNumber,
        maskName(names.get(c.candidateId) ?? ''),
        `${c.position.code} ${c.position.title}${c.hasProfessional ? '' : '（不设专业分）'}`,
        '',
        '',
        '',
      ]);
    return {
      code: inputs.event.code,
      file: await writeSheet('面试成绩', INTERVIEW_SCORE_HEADERS, rows),
    };
  }

  return { importScores, recordInterviewScores, scoreTemplate };
}
