// The one registry of business modules (NFR-MNT-1): a flat list in dependency order. A module comes
// after every module it depends on; buildApp refuses to start otherwise (or on a cycle), and
// `npm run modules` prints this graph. Add a new module here, after its dependencies.
import { adjustmentModule } from './modules/adjustment';
import { applicationsModule } from './modules/applications';
import { auditAdminModule } from './modules/audit-admin';
import { candidatesModule } from './modules/candidates';
import { compositeModule } from './modules/composite';
import { dataExchangeModule } from './modules/data-exchange';
import { eventsModule } from './modules/events';
import { grantScopesModule } from './modules/grant-scopes';
import { interviewListsModule } from './modules/interview-lists';
import { interviewsModule } from './modules/interviews';
import { interviewScoringModule } from './modules/interview-scoring';
import { interviewReportsModule } from './modules/interview-reports';
import { identityModule, type RealNameVerifier } from './modules/identity';
import { listsModule } from './modules/lists';
import { messagesModule } from './modules/messages';
import { noticesModule } from './modules/notices';
import { paymentsModule } from './modules/payments';
import { physicalExamModule } from './modules/physical-exam';
import { positionsModule } from './modules/positions';
import { problemsModule } from './modules/problems';
import { profilesModule } from './modules/profiles';
import { registrationsModule } from './modules/registrations';
import { reviewModule } from './modules/review';
import { scoresModule } from './modules/scores';
import { systemModule } from './modules/system';
import { ticketsModule } from './modules/tickets';
import { unitsModule } from './modules/units';
import type { ServicesOf } from './platform/modules/module-registry';

/** Test overrides a module takes at construction. */
export type ModuleOptions = { realName?: RealNameVerifier };

/** Every business module, each after the modules it depends on. */
export function kaoluModules(options: ModuleOptions = {}) {
  return [
    systemModule,
    dataExchangeModule,
    candidatesModule,
    identityModule({ realName: options.realName }),
    eventsModule,
    unitsModule,
    // after the modules whose queries name the audit log's targets (NFR-UX-1)
    auditAdminModule,
    positionsModule,
    listsModule,
    noticesModule,
    profilesModule,
    registrationsModule,
    paymentsModule,
    ticketsModule,
    messagesModule,
    scoresModule,
    applicationsModule,
    reviewModule,
    interviewListsModule,
    adjustmentModule,
    compositeModule,
    // §7 after the composite: the physical exam reads its published list
    physicalExamModule,
    interviewsModule,
    interviewScoringModule,
    // IVW-09, INT-09b/c: reads the arrangement and the sheets, after both
    interviewReportsModule,
    // sec_admin's scope pickers list units, events and interview places (NFR-UX-1)
    grantScopesModule,
    // ONL-01: after every module an approved case acts on (registrations, payments, profiles)
    problemsModule,
  ] as const;
}

/** The services of the running app, by module name. */
export type KaoluServices = ServicesOf<ReturnType<typeof kaoluModules>>;
