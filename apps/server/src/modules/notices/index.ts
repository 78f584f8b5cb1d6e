// Public face of the notices module (REG-03, REG-04, announcements).
import { defineModule } from '../../platform/modules/module-registry';
import { registerNoticeRoutes } from './notices.routes';
import { createNoticesService } from './notices.service';

export { createNoticesService, type NoticesService, type SmsReport } from './notices.service';
export { registerNoticeRoutes } from './notices.routes';

/** The notices module: reads candidates for the SMS job, refers to events for a notice's event. */
export const noticesModule = defineModule({
  name: 'notices',
  dependsOn: ['events', 'candidates'],
  create: ({ db, audit, crypto, sms, jobs, clock }) =>
    createNoticesService({ db, audit, crypto, sms, jobs, now: () => clock.now() }),
  routes: (app, notices) => registerNoticeRoutes(app, notices),
});
