// Public face of the profile module: the 一户一档 document, its versions and the photo.
import { defineModule } from '../../platform/modules/module-registry';
import type { CandidatesService } from '../candidates';
import { registerProfileRoutes } from './profiles.routes';
import { createProfilesService } from './profiles.service';

export {
  createProfilesService,
  resealProfileSecrets,
  type ProfilesService,
  type ProfileSnapshot,
  type StoredProfileDocument,
} from './profiles.service';
export { registerProfileRoutes } from './profiles.routes';
export { eligibilityFactsOf } from './profile-facts';
export { readJpegSize } from './jpeg-size';
export { findCandidatePhoto, hasCandidatePhoto } from './profile-photo-query';

/** Built early: registrations and applications read identities and snapshots through it. */
export const profilesModule = defineModule({
  name: 'profiles',
  dependsOn: ['events', 'candidates'],
  create: ({ db, crypto, audit, clock }, deps: { candidates: CandidatesService }) =>
    createProfilesService({
      db,
      crypto,
      audit,
      candidates: deps.candidates,
      now: () => clock.now(),
    }),
  routes: (app, profiles) => registerProfileRoutes(app, profiles),
});
