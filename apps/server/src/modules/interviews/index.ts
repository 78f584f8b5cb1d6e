// Public face of the interview system 面试系统 (IVW-01 … IVW-07): setup, imports, arrangement and
// check-in of one interview event. The service grows with the setup, draw and check-in use cases.
import { defineModule } from '../../platform/modules/module-registry';

export const interviewsModule = defineModule({
  name: 'interviews',
  dependsOn: ['events', 'units', 'candidates'],
  create: () => ({}),
});
