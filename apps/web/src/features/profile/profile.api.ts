import type { Profile, ProfileDocument, SaveProfile } from '@kaolu/contracts';
import { http, type RequestOptions } from '@/app/http';
import { uploadFile } from './file-transfer';

export type { Profile, ProfileDocument };

/** The candidate's one-file profile 一户一档 (issue 7): read, save as a new version, photo. */
export const profileApi = {
  get: (options?: RequestOptions) => http.get<Profile>('/api/candidate/profile', options),
  /** A 400 answer names every bad field in details.fields; the page shows them inline. */
  save: (body: SaveProfile) => http.put<Profile>('/api/candidate/profile', body, { silent: true }),
  uploadPhoto: (file: File, eventId?: string) => uploadFile<Profile>('/api/candidate/profile/photo', file, file.name, { eventId }),
  confirmPhoto: () => http.post<Profile>('/api/candidate/profile/photo/confirm'),
  /** Same-origin URL of the stored photo; `v` busts the browser cache after a new upload. */
  photoUrl: (version: string) => `/api/candidate/profile/photo?v=${encodeURIComponent(version)}`,
};
