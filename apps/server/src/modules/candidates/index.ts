// Public face of the candidates module: the one owner of the candidate record (NFR-MNT-1). Identity
// creates accounts and sets passwords through its service; other modules read through its queries.
import { defineModule } from '../../platform/modules/module-registry';
import { createCandidatesService } from './candidates.service';
import { registerPersonalDataRoutes } from './personal-data.routes';

export {
  createCandidatesService,
  type CandidatesService,
  type NewCandidate,
} from './candidates.service';
export {
  findCandidateById,
  findCandidateByBlindIndex,
  findCandidatesByIds,
  findExistingCandidateIds,
  candidateExists,
  findCandidateSummaries,
  candidateSummariesByIdOf,
  candidateNameLike,
  type CandidateRecord,
  type CandidateSummary,
} from './candidates.queries';
export { candidateIdsByIdNumberBidx } from './candidate-lookups.queries';
// The demo seed's bulk insert (generated people, no audit).
export { insertSeedCandidates, type CandidateSeedRow } from './candidate-seed';

export const candidatesModule = defineModule({
  name: 'candidates',
  dependsOn: [],
  create: ({ db, crypto, audit }) => createCandidatesService({ db, crypto, audit }),
  routes(app, candidates) {
    registerPersonalDataRoutes(app, candidates);
  },
});
