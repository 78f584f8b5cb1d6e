// Public face of the scores module: written-exam import, pass lines, publication (ONL-02).
import { AppError } from '../../platform/errors/app-error';
import type { ZodApp } from '../../platform/http/types';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { ChangeContext } from '../../platform/auth/request-context';
import { defineModule } from '../../platform/modules/module-registry';
import type { EventsModuleService } from '../events';
import type { MessagesService } from '../messages';
import { countPassFigures } from './score-figures';
import { createScoresService } from './scores.service';
import { registerScoreRoutes, SCORES_IMPORT_JOB } from './scores.routes';
import type { ScoresService } from './scores.service';

export { createScoresService, type ScoresService } from './scores.service';
export { SCORES_IMPORT_JOB, INLINE_IMPORT_CHARS } from './scores.routes';
export { writtenTotalOf, passLineFor, hasPassed } from './written-result';
export {
  writtenResultsOf,
  passLinesOf,
  scoresPublishedAt,
  type WrittenResultRow,
} from './written-results.queries';
export { writtenResultsOfCandidates } from './written-results-of-candidates.queries';
export { countPassFigures, type PassFigures } from './score-figures';

// The job carries the change context so the audit entry names the person who uploaded the file.
type ImportPayload = { eventId: string; fileBase64: string; ctx: ChangeContext };

/** Registers the import job (progress, bad rows as a result) and the routes. */
export function registerScoresModule(
  app: ZodApp,
  deps: { scores: ScoresService; jobs: JobRunner },
): void {
  deps.jobs.register<ImportPayload>(SCORES_IMPORT_JOB, async ({ payload, reportProgress }) => {
    // Progress in steps the page can show: checking (10), writing (50, from the service), done.
    await reportProgress(10, '正在校验成绩');
    try {
      const result = await deps.scores.importScores(
        payload.eventId,
        payload.fileBase64,
        payload.ctx,
        reportProgress,
      );
      await reportProgress(100, `已导入 ${result.imported} 条成绩`);
      return result;
    } catch (error) {
      // A bad file is a report for the person to read, not a failure to retry.
      if (error instanceof AppError && error.code === 'IMPORT.ROWS_INVALID')
        return { imported: 0, problems: (error.details as { problems: unknown }).problems };
      throw error;
    }
  });
  registerScoreRoutes(app, deps);
}

export const scoresModule = defineModule({
  name: 'scores',
  dependsOn: ['events', 'messages', 'registrations', 'tickets', 'candidates'],
  create(
    { db, crypto, audit, clock },
    deps: { events: EventsModuleService; messages: MessagesService },
  ) {
    // The event comparison (NFR-HIS-1) gets the pass counts through a hook, avoiding a cycle.
    deps.events.provideFigures({ passes: countPassFigures });
    return createScoresService({
      db,
      crypto,
      audit,
      messages: deps.messages,
      now: () => clock.now(),
    });
  },
  routes: (app, scores, { jobs }) => registerScoresModule(app, { scores, jobs }),
});
