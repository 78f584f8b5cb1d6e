import type { ExchangeConfig } from '../../config';
import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { ZodApp } from '../../platform/http/types';
import type { JobRunner } from '../../platform/jobs/job-runner';
import type { SmsGateway } from '../../platform/sms';
import { createEducationRecords, type DataExchange, type EducationRecordsSimulator } from '../data-exchange';
import { createMessagesService, registerMessageRoutes, type MessagesService } from '../messages';
import type { ProfilesService } from '../profiles';
import { createReviewService, registerReviewRoutes, type ReviewService } from '../review';
import { createScoresService, registerScoresModule, type ScoresService } from '../scores';
import { createApplicationsService, type ApplicationsService } from './applications.service';
import { registerApplicationRoutes } from './applications.routes';

export type SelectionModules = {
  scores: ScoresService;
  applications: ApplicationsService;
  review: ReviewService;
  messages: MessagesService;
  /** Present when the 学信 simulator answers: tests and demos steer it. */
  educationSimulator?: EducationRecordsSimulator;
};

/**
 * Builds issue 8's services in dependency order (messages → scores → applications → review) and
 * registers their routes and jobs, so app.ts wires scores, application and review in one call.
 */
export function createSelectionModules(
  app: ZodApp,
  deps: { db: Db; crypto: CryptoProvider; audit: AuditLog; jobs: JobRunner; sms: SmsGateway; exchange: DataExchange; exchangeConfig: ExchangeConfig; profiles: ProfilesService; onLogError?: (error: unknown) => void },
): SelectionModules {
  const messages = createMessagesService(deps);
  const scores = createScoresService({ ...deps, messages });
  const applications = createApplicationsService({ ...deps, scores });
  const config = deps.exchangeConfig;
  const { education, simulator } = createEducationRecords({
    db: deps.db, onLogError: deps.onLogError,
    config: { provider: config.education?.provider ?? 'simulator', url: config.education?.url, token: config.education?.token, timeoutMs: config.timeoutMs, retries: config.retries },
  });
  const review = createReviewService({ ...deps, messages, scores, education });
  registerMessageRoutes(app, messages);
  registerScoresModule(app, { scores, jobs: deps.jobs });
  registerApplicationRoutes(app, applications);
  registerReviewRoutes(app, review);
  return { scores, applications, review, messages, educationSimulator: simulator };
}
