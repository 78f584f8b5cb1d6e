import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { ZodApp } from '../../platform/http/types';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { DataExchange } from '../data-exchange';
import { createPaymentsService, registerPaymentRoutes, type PaymentsService } from '../payments';
import { createProfilesService, registerProfileRoutes, type ProfilesService } from '../profiles';
import { createTicketsService, registerTicketRoutes, type TicketsService } from '../tickets';
import { createRegistrationsService, type RegistrationsService } from './registrations.service';
import { registerRegistrationRoutes } from './registrations.routes';

export type RegistrationModules = { profiles: ProfilesService; registrations: RegistrationsService; payments: PaymentsService; tickets: TicketsService };

/**
 * Builds issue 7's services in dependency order (profiles → payments → registrations → tickets)
 * and registers their routes and jobs, so app.ts wires the whole candidate journey in one call.
 */
export function createRegistrationModules(
  app: ZodApp,
  deps: { db: Db; crypto: CryptoProvider; audit: AuditLog; jobs: JobRunner; exchange: DataExchange; now?: () => Date },
): RegistrationModules {
  const profiles = createProfilesService(deps);
  const payments = createPaymentsService(deps);
  const registrations = createRegistrationsService({ ...deps, profiles, payments });
  const tickets = createTicketsService(deps);
  registerProfileRoutes(app, profiles);
  registerRegistrationRoutes(app, { db: deps.db, crypto: deps.crypto, registrations });
  registerPaymentRoutes(app, { db: deps.db, audit: deps.audit, payments });
  registerTicketRoutes(app, { tickets });
  return { profiles, registrations, payments, tickets };
}
