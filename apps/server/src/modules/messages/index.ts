// Public face of the candidate messages module: portal inbox plus SMS after commit.
import { defineModule } from '../../platform/modules/module-registry';
import { registerMessageRoutes } from './messages.routes';
import { createMessagesService } from './messages.service';

export { createMessagesService, SMS_JOB, type MessagesService } from './messages.service';
export { registerMessageRoutes } from './messages.routes';

/**
 * The messages module: depends on candidates for their phones, used by the modules that notify
 * candidates.
 */
export const messagesModule = defineModule({
  name: 'messages',
  dependsOn: ['candidates'],
  create: ({ db, crypto, sms, jobs, clock }) =>
    createMessagesService({ db, crypto, sms, jobs, now: () => clock.now() }),
  routes: (app, messages) => registerMessageRoutes(app, messages),
});
