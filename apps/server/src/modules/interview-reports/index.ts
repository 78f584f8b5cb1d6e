// Public face of interview reports 面试监控与导出 (IVW-09, INT-09b, INT-09c): live monitoring of an
// interview event, the one-page-per-candidate exports and the psych-test results. Read-only over
// the interviews and scoring modules, apart from the psych import, which interviews performs.
import { defineModule } from '../../platform/modules/module-registry';
import { registerExportRoutes } from './exports.routes';
import { createExportsService } from './exports.service';
import { registerMonitorRoutes } from './monitor.routes';
import { createMonitorService } from './monitor.service';

export const interviewReportsModule = defineModule({
  name: 'interview-reports',
  // Arrangement and candidates (interviews), sheets and results (scoring), written scores (scores).
  dependsOn: ['interviews', 'interview-scoring', 'scores'],
  create: ({ db, crypto, audit, clock }) => ({
    monitor: createMonitorService({ db, now: () => clock.now() }),
    exports: createExportsService({ db, crypto, audit }),
  }),
  routes: (app, service) => {
    registerMonitorRoutes(app, service.monitor);
    registerExportRoutes(app, service.exports);
  },
});

export type InterviewReportsService = ReturnType<typeof interviewReportsModule.create>;
