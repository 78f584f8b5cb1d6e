import type { Db } from '../../db/client';
import type { AuditLog } from '../../platform/audit';
import type { CryptoProvider } from '../../platform/crypto';
import type { DataExchange } from '../data-exchange';
import type { ProfilesService } from '../profiles';
import type { ScoresService } from '../scores';
import { createApplicationEligibility } from './application-eligibility';
import { createApplicationQueries } from './application-queries';
import { createApplicationSubmission } from './application-submission';
import { createApplicationSupplement } from './application-supplement';

/**
 * What the use cases need: profiles for the frozen snapshot and identity, scores for the written
 * verdict, the data exchange for hukou / residence; `now` is the module clock, replaced in tests.
 */
export type ApplicationsDeps = {
  db: Db;
  crypto: CryptoProvider;
  audit: AuditLog;
  exchange: DataExchange;
  profiles: ProfilesService;
  scores: ScoresService;
  now: () => Date;
};
export type ApplicationsService = ReturnType<typeof createApplicationsService>;

/**
 * Position application 职位报名 use cases (ONL-03, §7, INT-02 whitelist direction), one group per
 * file (NFR-MNT-1): eligibility and precheck, submit and change, supplement, the candidate's reads.
 */
export function createApplicationsService(deps: ApplicationsDeps) {
  const context = deps;
  const eligibility = createApplicationEligibility(context);
  const queries = createApplicationQueries(context);
  const submission = createApplicationSubmission(context, eligibility, queries);
  const { supplement } = createApplicationSupplement(context, queries);
  return {
    precheck: eligibility.precheck,
    submit: submission.submit,
    change: submission.change,
    supplement,
    listMine: queries.listMine,
  };
}
