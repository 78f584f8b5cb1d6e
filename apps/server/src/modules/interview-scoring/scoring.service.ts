import { createBoard } from './board.service';
import { createResultsList } from './results-list';
import type { ScoringDeps } from './scoring-access';
import { createSheets } from './sheets.service';

/** The examiner's sheets, the supervisor's board and confirmations, and the results (IVW-08). */
export function createInterviewScoring(deps: ScoringDeps) {
  return {
    sheets: createSheets(deps),
    board: createBoard(deps),
    results: createResultsList(deps),
  };
}

export type InterviewScoringService = ReturnType<typeof createInterviewScoring>;
