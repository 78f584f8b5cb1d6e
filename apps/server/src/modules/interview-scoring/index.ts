// Public face of interview scoring 面试评分 (IVW-08, IVW-10, §7): examiner sheets synced from the
// venue tablet, the supervisor's confirmation, withdrawals, and the results handed to composite.
// Reporting modules read the sheets and results through the query functions below.
import { defineModule } from '../../platform/modules/module-registry';

export {
  sheetStatesOf,
  resultStatesOf,
  type ScoringPlace,
  type SheetState,
  type ResultState,
} from './scoring-queries';

export const interviewScoringModule = defineModule({
  name: 'interview-scoring',
  // The interview system's setup and arrangement, and composite, where results are handed over.
  dependsOn: ['interviews', 'composite'],
  create: () => ({}),
});

export type InterviewScoringService = ReturnType<typeof interviewScoringModule.create>;
