import type { Database } from '../../db/client';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { createCandidatePhysicalExam } from './candidate-physical-exam';
import { createChangeApprovals } from './change-approvals';
import { createExchangeSync } from './exchange-sync';
import { createHospitalResults } from './hospital-results';
import { createPhysicalExamList, type PhysicalExamDeps } from './physical-exam.service';

/**
 * The module's service, one group of use cases per side: the org's list and approvals, the
 * exchange job, the candidate's view, and the hospital portal (bound to the exchange store).
 */
export function createPhysicalExamService(
  deps: PhysicalExamDeps & { database: Database; jobs: JobRunner },
) {
  return {
    list: createPhysicalExamList(deps),
    approvals: createChangeApprovals(deps),
    exchange: createExchangeSync(deps),
    candidate: createCandidatePhysicalExam(deps),
    hospital: createHospitalResults({ database: deps.database, now: deps.now }),
  };
}

export type PhysicalExamService = ReturnType<typeof createPhysicalExamService>;
