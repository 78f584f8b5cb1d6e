import { createBoard } from './board.service';
import { createResultsList } from './results-list';
import { createScoringAdmin, type ScoringAdminDeps } from './scoring-admin.service';
import { createSheets } from './sheets.service';

/** The examiner's sheets, the supervisor's board and confirmations, and the results (IVW-08). */
export function createInterviewScoring(deps: ScoringAdminDeps) {
  return {
    sheets: createSheets(deps),
    board: createBoard(deps),
    results: createResultsList(deps),
    admin: createScoringAdmin(deps),
  };
}

export type InterviewScoringService = ReturnType<typeof createInterviewScoring>;
