// Public face of the profile module (issue 7): the 一户一档 document, its versions and the photo.
export { createProfilesService, resealProfileSecrets, type ProfilesService, type ProfileSnapshot, type StoredProfileDocument } from './profiles.service';
export { registerProfileRoutes } from './profiles.routes';
export { eligibilityFactsOf } from './profile-facts';
export { readJpegSize } from './jpeg-size';
export { candidateProfile, candidateProfileVersion, candidatePhoto } from './profile.table';
