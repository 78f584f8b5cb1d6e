// Public face of the problem center 报名问题处理中心 (ONL-01): cases, their queues and their effects.
import { defineModule } from '../../platform/modules/module-registry';
import type { MessagesService } from '../messages';
import type { PaymentsService } from '../payments';
import type { ProfilesService } from '../profiles';
import type { RegistrationsService } from '../registrations';
import { registerStaffProblemRoutes } from './problems-admin.routes';
import { registerCandidateProblemRoutes } from './problems.routes';
import { createProblemsService } from './problems.service';

// The service and the status table; no table is exported: other modules ask through hooks.
export { createProblemsService, type ProblemsService } from './problems.service';
export { PROBLEM_TRANSITIONS, assertProblemTransition } from './problem-rules';

export const problemsModule = defineModule({
  name: 'problems',
  // Every module whose index this one imports; the registry lists problems after all of them.
  dependsOn: [
    'candidates',
    'events',
    'identity',
    'messages',
    'payments',
    'profiles',
    'registrations',
  ],
  create(
    platform,
    deps: {
      messages: MessagesService;
      payments: PaymentsService;
      profiles: ProfilesService;
      registrations: RegistrationsService;
    },
  ) {
    const problems = createProblemsService({
      db: platform.db,
      crypto: platform.crypto,
      audit: platform.audit,
      sms: platform.sms,
      messages: deps.messages,
      payments: deps.payments,
      profiles: deps.profiles,
      now: () => platform.clock.now(),
    });
    // Registration comes first in the journey: its checks ask for approved appeals through this
    // hook, so registrations never imports the problem center (no cycle).
    deps.registrations.useAppeals({ approvedFor: problems.approvedAppeals });
    return problems;
  },
  // Candidate routes act on the caller's own cases; staff routes each declare their permission.
  routes(app, problems, platform) {
    registerCandidateProblemRoutes(app, problems);
    registerStaffProblemRoutes(app, { problems, audit: platform.audit });
  },
  // SLA reminders (ONL-01): every instance ticks; the guarded mark makes each reminder go once.
  start(problems, platform) {
    problems.slaReminders.start(5 * 60_000, (error) =>
      platform.log.error({ err: error }, '报名问题到期提醒失败'),
    );
  },
  stop(problems) {
    problems.slaReminders.stop();
  },
});
