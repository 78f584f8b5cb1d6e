// Public face of the interview system 面试系统 (IVW-01 … IVW-07): setup, imports, arrangement and
// check-in of one interview event. The service grows with the setup, draw and check-in use cases.
import type { Db } from '../../db/client';
import type { DrawService } from '../../platform/draws';
import { defineModule } from '../../platform/modules/module-registry';
import { createPublicDraws } from './arrangement-public';
import { registerArrangementRoutes } from './arrangement-routes';
import { createArrangementService } from './arrangement-service';
import { createExaminerCheckin } from './examiner-checkin';
import { runExaminerDraw } from './examiner-draw';

export { runExaminerDraw, type ExaminerDrawResult } from './examiner-draw';
export { createPublicDraws, type PublicDraws, type DrawSummarizer } from './arrangement-public';

/**
 * Registers the interview draws' replayers and returns the public draw record (REG-08): what the
 * module does when it is built, and what the draw-replay CLI does against the same database.
 */
export function createInterviewDrawReplay(deps: { db: Db; draws: DrawService }) {
  // Examiner draws replay from their recorded input and seed (IVW-04).
  deps.draws.registerReplayer('examiners', runExaminerDraw);
  return createPublicDraws(deps);
}

export const interviewsModule = defineModule({
  name: 'interviews',
  dependsOn: ['events', 'units', 'candidates'],
  create: ({ db, audit, crypto, draws, clock }) => {
    const now = () => clock.now();
    const publicDraws = createInterviewDrawReplay({ db, draws });
    return {
      // Examiner arrangement and check-in (IVW-04, IVW-07), the public draw record (REG-08).
      arrangement: createArrangementService({ db, audit, crypto, draws, now }),
      examinerCheckIn: createExaminerCheckin({ db, audit, crypto, now }),
      publicDraws,
    };
  },
  routes: (app, s) =>
    registerArrangementRoutes(app, {
      arrangement: s.arrangement,
      checkIn: s.examinerCheckIn,
      publicDraws: s.publicDraws,
    }),
});
